"use client";

import { useTranslations } from "next-intl";
import type { CalendarAppointmentDto } from "@/lib/calendar/schema";
import { formatMinutes, localMinutes } from "./wall-clock";

const STATUS_STYLE: Record<CalendarAppointmentDto["status"], string> = {
  BOOKED: "border-teal-700 bg-teal-50",
  CHECKED_IN: "border-amber-600 bg-amber-50",
  COMPLETED: "border-slate-500 bg-slate-100",
  CANCELLED: "border-slate-400 bg-white line-through",
  NO_SHOW: "border-red-700 bg-red-50",
};

// The word carries the state; the colour only repeats it.
const PAYMENT_STYLE: Record<NonNullable<CalendarAppointmentDto["payment"]>, string> = {
  paid: "border-emerald-800 bg-white text-emerald-900",
  deposit: "border-sky-800 bg-white text-sky-900",
  card: "border-slate-700 bg-white text-slate-900",
  refunded: "border-violet-800 bg-white text-violet-900",
  due: "border-red-800 bg-white text-red-900",
};

export function AppointmentCard({
  appointment: a,
  therapistName,
  serviceName,
  style,
  onOpen,
  draggable,
}: {
  appointment: CalendarAppointmentDto;
  therapistName?: string;
  serviceName: string;
  style?: React.CSSProperties;
  onOpen: () => void;
  draggable: boolean;
}) {
  const t = useTranslations("staffCalendar");
  return (
    <button
      type="button"
      onClick={onOpen}
      draggable={draggable}
      onDragStart={(event) => {
        event.dataTransfer.setData("text/x-stride-appointment", a.id);
        event.dataTransfer.effectAllowed = "move";
      }}
      data-appointment-id={a.id}
      style={style}
      className={`block w-full overflow-hidden rounded-md border-l-4 px-2 py-1 text-left text-xs shadow-sm hover:ring-2 hover:ring-teal-600 focus-visible:ring-2 focus-visible:ring-teal-700 ${STATUS_STYLE[a.status]} ${a.elsewhere ? "border-dashed bg-white italic" : ""}`}
    >
      <span className="block font-semibold text-slate-900">
        {formatMinutes(localMinutes(a.start))} {a.patientName}
        <span className="sr-only">
          {" "}
          {t("card.until", { time: formatMinutes(localMinutes(a.end)) })}
          {therapistName ? ` ${t("card.withTherapist", { therapist: therapistName })}` : ""}
        </span>
      </span>
      <span className="block text-slate-700">
        {serviceName} · {t("mode", { mode: a.mode })}
        {a.room ? ` · ${a.room}` : ""}
      </span>
      <span className="block font-medium text-slate-800">
        {a.elsewhere ? t("card.elsewhere") : t("status", { status: a.status })}
        {a.patientConfirmed ? <span className="ml-1 rounded bg-teal-800 px-1 text-white">{t("card.confirmed")}</span> : null}
        {a.changeRequested ? <span className="ml-1 rounded bg-amber-700 px-1 text-white">{t("card.wantsChange")}</span> : null}
        {a.payment ? (
          <span data-payment-state={a.payment} className={`ml-1 rounded border px-1 ${PAYMENT_STYLE[a.payment]}`}>
            <span className="sr-only">{t("card.paymentLabel")} </span>
            {t("card.payment", { state: a.payment })}
          </span>
        ) : null}
      </span>
    </button>
  );
}
