"use client";

import { useTranslations } from "next-intl";
import type { CalendarAppointmentDto, CalendarDto } from "@/lib/calendar/schema";
import { AppointmentCard } from "./appointment-card";
import { HeldBlock } from "./held-block";
import { formatDate, localDate } from "./wall-clock";

export function WeekList({ data, onOpen, onOpenDay }: { data: CalendarDto; onOpen: (a: CalendarAppointmentDto) => void; onOpenDay: (date: string) => void }) {
  const t = useTranslations("staffCalendar.week");
  const names = new Map(data.therapists.map((t) => [t.id, t.name]));
  return (
    <div className="grid gap-3 md:grid-cols-7">
      {data.dates.map((date) => {
        const visits = data.appointments.filter((a) => localDate(a.start) === date);
        const held = data.holds.filter((h) => localDate(h.start) === date);
        return (
          <section key={date} aria-labelledby={`day-${date}`} className="rounded-lg border border-slate-200 bg-white p-2">
            <h2 id={`day-${date}`} className="text-sm font-semibold">
              <button type="button" className="underline decoration-dotted hover:text-teal-800" onClick={() => onOpenDay(date)}>
                {formatDate(date, "short")}
              </button>
            </h2>
            <p className="text-xs text-slate-600">{t("visits", { count: visits.length })}</p>
            <ul className="mt-2 space-y-1">
              {visits.map((a) => (
                <li key={a.id}>
                  <AppointmentCard appointment={a} therapistName={names.get(a.therapistId)} serviceName={data.serviceNames[a.serviceId] ?? ""} onOpen={() => onOpen(a)} draggable={false} />
                  <span className="sr-only">{t("with", { therapist: names.get(a.therapistId) ?? "" })}</span>
                </li>
              ))}
              {held.map((h) => (
                <li key={`${h.therapistId}-${h.start}`}>
                  <HeldBlock hold={h} />
                  <span className="sr-only">{t("with", { therapist: names.get(h.therapistId) ?? "" })}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
