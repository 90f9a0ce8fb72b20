"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { SlotDto } from "@/lib/booking/api-types";
import type { CalendarAppointmentDto, CalendarDto } from "@/lib/calendar/schema";
import type { PlanBookingPrefill } from "@/lib/care-plans/follow-up";
import { AppointmentPanel } from "./appointment-panel";
import { BookDialog, type BookingDraft, type BookingError } from "./book-dialog";
import { BookedLinks, type BookedVisit } from "./booked-links";
import { NearestTimes } from "./nearest-times";
import { ACTION_KEY, bookCaller, CalendarRequestError, type BookCallerBody, type CalendarKey } from "./calendar-api";
import { DayGrid } from "./day-grid";
import { calendarQueryKey, useCalendar, useChangeStatus, useMoveAppointment } from "./use-calendar";
import { formatDate, formatMinutes, isoAt, localDate, localMinutes, offsetForDate, shiftDate, todayIn } from "./wall-clock";
import { WeekList } from "./week-list";

function zoneLongName(timeZone: string): string | undefined {
  return new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")?.value;
}


/** A message on the board; a refused move keeps the visit so a nearest free time can take it. */
interface BoardMessage {
  tone: "ok" | "error";
  text: string;
  refusedMove?: { appointment: CalendarAppointmentDto; alternatives: SlotDto[] };
}

export function CalendarBoard({ initial, today, plan = null }: { initial: CalendarDto; today: string; plan?: PlanBookingPrefill | null }) {
  const t = useTranslations("staffCalendar");
  const tb = useTranslations("staffCalendar.board");
  // A week is keyed by its requested date: today when the week holds it, else its Monday.
  const [key, setKey] = useState<CalendarKey>({
    location: initial.location.id,
    date: initial.view === "day" || !initial.dates.includes(today) ? initial.dates[0]! : today,
    view: initial.view,
  });
  const query = useCalendar(key, key.location === initial.location.id && key.view === initial.view && initial.dates.includes(key.date) ? initial : undefined);
  const data = query.data;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<BoardMessage | null>(null);
  const [draft, setDraft] = useState<BookingDraft | null>(() =>
    plan ? { therapistId: plan.therapistId, date: initial.dates.includes(today) ? today : initial.dates[0]!, minutes: plan.windowStartMinute, plan } : null,
  );
  const [bookError, setBookError] = useState<BookingError | null>(null);
  const [booked, setBooked] = useState<BookedVisit | null>(null);
  const client = useQueryClient();
  const router = useRouter();
  // A session that ended (idle, signed out elsewhere) sends the desk to sign in.
  const signedOut = query.error instanceof CalendarRequestError && query.error.status === 401;
  useEffect(() => {
    if (signedOut) router.replace("/staff/sign-in?reason=signed-out");
  }, [signedOut, router]);

  const move = useMoveAppointment(key, (error, v) =>
    setMessage({ tone: "error", text: tb("notMoved", { reason: error.message || t("noAnswer") }), refusedMove: { appointment: v.appointment, alternatives: error.alternatives } }),
  );
  const status = useChangeStatus(key, (error) => setMessage({ tone: "error", text: tb("notChanged", { reason: error.message || t("noAnswer") }) }));
  const book = useMutation({
    mutationFn: (v: { body: BookCallerBody; patientName: string }) => bookCaller(v.body),
    onSuccess: (saved, v) => {
      setDraft(null);
      setBookError(null);
      setMessage({ tone: "ok", text: tb("booked") });
      setBooked({ patientName: v.patientName, manageUrl: saved.manageUrl, joinUrl: saved.joinUrl });
      void client.invalidateQueries({ queryKey: calendarQueryKey(key) });
    },
    onError: (error) => {
      const e = error instanceof CalendarRequestError ? error : new CalendarRequestError(tb("bookingNotSaved"), 0, "INTERNAL");
      setBookError({ message: e.message || t("noAnswer"), fields: e.fields, alternatives: e.alternatives });
    },
  });

  const navigate = (next: Partial<CalendarKey>) => {
    const merged = { ...key, ...next };
    setKey(merged);
    setSelectedId(null);
    const params = new URLSearchParams({ location: merged.location, date: merged.date, view: merged.view });
    window.history.replaceState(null, "", `/staff/calendar?${params}`);
  };

  if (!data) return <p role="status">{t("loading")}</p>;
  const zone = data.location.timeZone;
  const longName = zoneLongName(zone);
  const zoneLabel = longName ? t("zone", { name: longName, timeZone: zone }) : zone;
  const selected = data.appointments.find((a) => a.id === selectedId) ?? null;
  const startIso = (date: string, minutes: number) => isoAt(date, minutes, offsetForDate(date, zone));

  const moveTo = (a: CalendarAppointmentDto, date: string, minutes: number, therapistId: string) => {
    setMessage(null);
    setBooked(null);
    move.mutate(
      { appointment: a, start: startIso(date, minutes), therapistId },
      { onSuccess: () => setMessage({ tone: "ok", text: tb("moved", { name: a.patientName, date: formatDate(date), time: formatMinutes(minutes) }) }) },
    );
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-sm text-slate-700">
            {t("subtitle", { view: data.view, date: formatDate(data.view === "day" ? key.date : data.dates[0]!), zone: zoneLabel })}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-2 text-sm">
          <div>
            <label htmlFor="calendar-location" className="block text-xs font-medium">
              {tb("location")}
            </label>
            <select id="calendar-location" value={key.location} onChange={(e) => navigate({ location: e.target.value })} className="rounded-md border border-slate-400 px-2 py-1.5">
              {data.locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <div role="group" aria-label={tb("view")} className="flex">
            {(["day", "week"] as const).map((view) => (
              <button key={view} type="button" aria-pressed={key.view === view} onClick={() => navigate({ view })} className="border border-slate-400 px-3 py-1.5 first:rounded-l-md last:rounded-r-md aria-pressed:bg-slate-800 aria-pressed:text-white">
                {tb("viewName", { view })}
              </button>
            ))}
          </div>
          <div role="group" aria-label={tb("date")} className="flex">
            <button type="button" onClick={() => navigate({ date: shiftDate(key.date, key.view === "day" ? -1 : -7) })} className="rounded-l-md border border-slate-400 px-3 py-1.5">
              {tb("previous")}
            </button>
            <button type="button" onClick={() => navigate({ date: today })} className="border-y border-slate-400 px-3 py-1.5">
              {tb("today")}
            </button>
            <button type="button" onClick={() => navigate({ date: shiftDate(key.date, key.view === "day" ? 1 : 7) })} className="rounded-r-md border border-slate-400 px-3 py-1.5">
              {tb("next")}
            </button>
          </div>
          <button type="button" onClick={() => { setBookError(null); setDraft({ therapistId: data.therapists[0]?.id ?? "", date: key.date, minutes: 9 * 60 }); }} className="rounded-md bg-teal-800 px-3 py-1.5 font-semibold text-white hover:bg-teal-900">
            {tb("bookCaller")}
          </button>
        </div>
      </div>

      <div aria-live="polite" className="min-h-6">
        {message ? (
          <div role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800" : "text-sm text-teal-900"}>
            <p>{message.text}</p>
            {message.refusedMove ? (
              <NearestTimes
                alternatives={message.refusedMove.alternatives}
                data={data}
                verb="move"
                onPick={(slot) => moveTo(message.refusedMove!.appointment, localDate(slot.start), localMinutes(slot.start), slot.therapistId)}
              />
            ) : null}
          </div>
        ) : null}
      </div>


      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <div>
          {data.view === "day" ? (
            <DayGrid
              data={data}
              date={key.date}
              onOpen={(a) => setSelectedId(a.id)}
              onPickEmpty={(therapistId, minutes) => { setBookError(null); setDraft({ therapistId, date: key.date, minutes }); }}
              onDropAppointment={(id, therapistId, minutes) => {
                const a = data.appointments.find((x) => x.id === id);
                if (a && a.status === "BOOKED") moveTo(a, key.date, minutes, therapistId);
              }}
            />
          ) : (
            <WeekList data={data} onOpen={(a) => setSelectedId(a.id)} onOpenDay={(date) => navigate({ date, view: "day" })} />
          )}
          <p className="mt-2 text-xs text-slate-600">
            {tb("help")}
          </p>
        </div>
        {/* Beside the grid, so the links shown after booking never push the day out of view. */}
        <div className="space-y-4">
          {booked ? <BookedLinks booked={booked} onDismiss={() => setBooked(null)} /> : null}
          {selected ? (
            <AppointmentPanel
              key={selected.id}
              appointment={selected}
              data={data}
              today={todayIn(zone)}
              onClose={() => setSelectedId(null)}
              onStatus={(action, reason) => {
                setMessage(null);
                status.mutate({ appointment: selected, action, reason }, { onSuccess: () => setMessage({ tone: "ok", text: tb("statusSaved", { name: selected.patientName, action: ACTION_KEY[action] }) }) });
                if (action === "cancel") setSelectedId(null);
              }}
              onMove={(date, minutes, therapistId) => moveTo(selected, date, minutes, therapistId)}
            />
          ) : null}
        </div>
      </div>

      {draft ? (
        <BookDialog
          data={data}
          draft={draft}
          pending={book.isPending}
          error={bookError}
          onClose={() => setDraft(null)}
          onSubmit={(body, date, minutes, patientName) => {
            setBooked(null);
            book.mutate({ body: { ...body, locationId: data.location.id, start: startIso(date, minutes) }, patientName });
          }}
        />
      ) : null}
    </div>
  );
}
