"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/form/button";
import { ModalDialog } from "@/components/form/dialog";
import type { CalendarAppointmentDto, CalendarDto } from "@/lib/calendar/schema";
import { VisitMessages } from "../visit-messages/visit-messages";
import { VisitMoney } from "./visit-money";
import { timeOptionsWith } from "./time-options";
import { ACTION_KEY } from "./calendar-api";
import { useCalendarVisit } from "./use-calendar";
import { formatDate, formatMinutes, localDate, localMinutes } from "./wall-clock";

type Action = "check-in" | "complete" | "no-show" | "cancel" | "undo-check-in" | "undo-no-show";

/**
 * The one-click actions. Check-in and the undos exist only on the visit's own
 * day in the location's zone (the server holds the same rule); a no-show is
 * asked about first.
 */
const ACTIONS: { action: Exclude<Action, "cancel">; from: CalendarAppointmentDto["status"][]; onVisitDay?: boolean }[] = [
  { action: "check-in", from: ["BOOKED"], onVisitDay: true },
  { action: "complete", from: ["BOOKED", "CHECKED_IN"] },
  { action: "no-show", from: ["BOOKED"] },
  { action: "undo-check-in", from: ["CHECKED_IN"], onVisitDay: true },
  { action: "undo-no-show", from: ["NO_SHOW"], onVisitDay: true },
];

type Confirming = { action: "no-show" } | { action: "cancel"; reason: string };

/** An appointment's details with every action the board offers by mouse, as plain controls. */
export function AppointmentPanel({
  appointment: a,
  data,
  today,
  onClose,
  onStatus,
  onMove,
}: {
  appointment: CalendarAppointmentDto;
  data: CalendarDto;
  /** Today's date in the location's zone. */
  today: string;
  onClose: () => void;
  onStatus: (action: Action, reason?: string) => void;
  onMove: (date: string, minutes: number, therapistId: string) => void;
}) {
  const t = useTranslations("staffCalendar");
  const tp = useTranslations("staffCalendar.panel");
  const tm = useTranslations("staffVisitMoney");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState("");
  const [moveDate, setMoveDate] = useState(localDate(a.start));
  const [moveTime, setMoveTime] = useState(localMinutes(a.start));
  const [moveTherapist, setMoveTherapist] = useState(a.therapistId);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  useEffect(() => headingRef.current?.focus(), [a.id]);
  const details = useCalendarVisit(a.id);
  const visit = details.data;
  const serviceName = data.serviceNames[a.serviceId] ?? "";
  const therapist = data.therapists.find((t) => t.id === a.therapistId);
  const changeable = a.status === "BOOKED" || a.status === "CHECKED_IN";
  const visitDay = localDate(a.start) === today;
  const mode = t("mode", { mode: a.mode });
  const place = a.room ? tp("whereRoom", { mode, room: a.room }) : mode;
  const actions = ACTIONS.filter((x) => x.from.includes(a.status) && (!x.onVisitDay || visitDay));

  return (
    <aside aria-labelledby="panel-title" className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h2 id="panel-title" ref={headingRef} tabIndex={-1} className="text-lg font-bold">
          {a.patientName}
        </h2>
        <button type="button" onClick={onClose} className="rounded-md border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100">
          {tp("close")}
        </button>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{tp("when")}</dt>
        <dd>
          {tp("whenValue", { date: formatDate(localDate(a.start)), start: formatMinutes(localMinutes(a.start)), end: formatMinutes(localMinutes(a.end)) })}
        </dd>
        <dt className="text-slate-600">{tp("service")}</dt>
        <dd>{serviceName}</dd>
        <dt className="text-slate-600">{tp("where")}</dt>
        <dd>{a.elsewhere ? tp("whereElsewhere", { place }) : place}</dd>
        <dt className="text-slate-600">{tp("therapist")}</dt>
        <dd>{therapist?.name ?? tp("noTherapist")}</dd>
        <dt className="text-slate-600">{tp("statusLabel")}</dt>
        <dd>
          {t("status", { status: a.status })}
          {a.patientConfirmed ? <span className="ml-2 rounded bg-teal-800 px-1.5 py-0.5 text-xs font-semibold text-white">{tp("confirmed")}</span> : null}
        </dd>
        {a.patientConfirmed || a.changeRequested ? (
          <>
            <dt className="text-slate-600">{tp("patient")}</dt>
            <dd className={a.changeRequested ? "font-medium text-amber-900" : ""}>
              {a.changeRequested ? tp("changeRequested") : tp("willBeThere")}
            </dd>
          </>
        ) : null}
        {visit ? (
          <>
            <dt className="text-slate-600">{tp("phone")}</dt>
            <dd>
              <a className="underline" href={`tel:${visit.patient.phone.replace(/[^0-9+]/g, "")}`}>
                {visit.patient.phone}
              </a>
            </dd>
            <dt className="text-slate-600">{tp("bookedBy")}</dt>
            <dd>{tp("source", { source: visit.source })}</dd>
          </>
        ) : null}
        {visit?.eligibilityFollowUp ? (
          <>
            <dt className="text-slate-600">{tp("followUp")}</dt>
            <dd className="font-medium text-amber-900">{tp("followUpText")}</dd>
          </>
        ) : null}
      </dl>
      {details.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {details.error.message || t("noAnswer")}
        </p>
      ) : null}
      {visit ? (
        <p className="mt-2 text-sm">
          <Link href={`/staff/patients/${visit.patient.id}`} className="font-medium text-teal-800 underline">
            {tp("openProfile")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="panel-messages-title" className="mt-4 border-t border-slate-200 pt-3">
        <h3 id="panel-messages-title" className="mb-2 text-sm font-semibold">
          {tp("messages")}
        </h3>
        <VisitMessages key={a.id} appointmentId={a.id} canResend={a.status === "BOOKED" && !a.elsewhere} timeZone={data.location.timeZone} idPrefix="panel" />
      </section>

      <section aria-labelledby="panel-money-title" className="mt-4 border-t border-slate-200 pt-3">
        <h3 id="panel-money-title" className="mb-2 text-sm font-semibold">
          {tm("title")}
        </h3>
        <VisitMoney key={a.id} appointmentId={a.id} version={`${a.status}:${a.updatedAt}`} />
      </section>

      {actions.length > 0 ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {actions.map((x) => (
            <button
              key={x.action}
              type="button"
              onClick={() => (x.action === "no-show" ? setConfirming({ action: "no-show" }) : onStatus(x.action))}
              className={buttonClass(x.action.startsWith("undo-") ? "secondary" : "primary", "sm")}
            >
              {tp("action", { action: ACTION_KEY[x.action] })}
            </button>
          ))}
        </div>
      ) : null}

      {changeable ? (
        <form
          className="mt-4 space-y-2 border-t border-slate-200 pt-3"
          onSubmit={(event) => {
            event.preventDefault();
            setConfirming({ action: "cancel", reason: reason.trim() });
          }}
        >
          <label htmlFor="cancel-reason" className="block text-sm font-medium">
            {tp("cancelReason")}
          </label>
          <input id="cancel-reason" required value={reason} onChange={(e) => setReason(e.target.value)} className="w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm" />
          <button type="submit" className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50">
            {tp("cancelVisit")}
          </button>
        </form>
      ) : null}

      {confirming ? (
        <ModalDialog title={tp("confirmTitle", { action: ACTION_KEY[confirming.action], name: a.patientName })} onClose={() => setConfirming(null)}>
          <p className="mt-3 text-sm">
            {tp("confirmWhen", { date: formatDate(localDate(a.start)), time: formatMinutes(localMinutes(a.start)), service: serviceName })}
          </p>
          {confirming.action === "cancel" ? (
            <p className="mt-2 text-sm">
              {tp.rich("cancelReasonShown", { reason: confirming.reason, strong: (chunks) => <span className="font-medium">{chunks}</span> })}
            </p>
          ) : (
            <p className="mt-2 text-sm">{tp("noShowUndo")}</p>
          )}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <button type="button" data-initial-focus onClick={() => setConfirming(null)} className={buttonClass("secondary", "sm")}>
              {tp("goBack", { action: ACTION_KEY[confirming.action] })}
            </button>
            <button
              type="button"
              onClick={() => {
                const chosen = confirming;
                setConfirming(null);
                if (chosen.action === "cancel") onStatus("cancel", chosen.reason);
                else onStatus("no-show");
              }}
              className={buttonClass("danger", "sm")}
            >
              {tp("confirm", { action: ACTION_KEY[confirming.action] })}
            </button>
          </div>
        </ModalDialog>
      ) : null}

      {a.status === "BOOKED" && !a.elsewhere ? (
        <form
          className="mt-4 space-y-2 border-t border-slate-200 pt-3"
          aria-labelledby="move-title"
          onSubmit={(event) => {
            event.preventDefault();
            onMove(moveDate, moveTime, moveTherapist);
          }}
        >
          <h3 id="move-title" className="text-sm font-semibold">
            {tp("moveTo")}
          </h3>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="move-date" className="block text-xs font-medium">
                {tp("date")}
              </label>
              <input id="move-date" type="date" value={moveDate} onChange={(e) => setMoveDate(e.target.value)} className="w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm" />
            </div>
            <div>
              <label htmlFor="move-time" className="block text-xs font-medium">
                {tp("time")}
              </label>
              <select id="move-time" value={moveTime} onChange={(e) => setMoveTime(Number(e.target.value))} className="w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm">
                {timeOptionsWith(moveTime).map((o) => (
                  <option key={o.minutes} value={o.minutes}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <label htmlFor="move-therapist" className="block text-xs font-medium">
            {tp("therapist")}
          </label>
          <select id="move-therapist" value={moveTherapist} onChange={(e) => setMoveTherapist(e.target.value)} className="w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm">
            {data.therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-900">
            {tp("moveVisit")}
          </button>
        </form>
      ) : null}
    </aside>
  );
}
