"use client";

import type { CalendarAppointmentDto, CalendarDto } from "@/lib/calendar/schema";
import { AppointmentCard } from "./appointment-card";
import { formatMinutes, localDate, localMinutes } from "./wall-clock";

const STEP = 15;
const ROW_PX = 16;

/** The hours the grid spans: working blocks and visits of the day, at least 8 a.m. to 6 p.m. */
export function gridSpan(data: CalendarDto, date: string): { from: number; to: number } {
  let from = 8 * 60;
  let to = 18 * 60;
  for (const h of data.hours.filter((x) => x.date === date)) {
    from = Math.min(from, h.startMinute);
    to = Math.max(to, h.endMinute);
  }
  for (const a of data.appointments.filter((x) => localDate(x.start) === date)) {
    from = Math.min(from, localMinutes(a.start));
    to = Math.max(to, localDate(a.end) === date ? localMinutes(a.end) : 24 * 60);
  }
  return { from: Math.floor(from / 60) * 60, to: Math.ceil(to / 60) * 60 };
}

export function DayGrid({
  data,
  date,
  onOpen,
  onDropAppointment,
  onPickEmpty,
}: {
  data: CalendarDto;
  date: string;
  onOpen: (a: CalendarAppointmentDto) => void;
  onDropAppointment: (appointmentId: string, therapistId: string, minute: number) => void;
  onPickEmpty: (therapistId: string, minute: number) => void;
}) {
  const { from, to } = gridSpan(data, date);
  const rows = (to - from) / STEP;
  const minutesAt = (index: number) => from + index * STEP;

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <div className="grid min-w-[640px]" style={{ gridTemplateColumns: `4.5rem repeat(${data.therapists.length}, minmax(9rem, 1fr))` }}>
        <div className="sticky top-0 border-b border-slate-200 bg-white" />
        {data.therapists.map((t) => (
          <div key={t.id} className="border-b border-l border-slate-200 px-2 py-2 text-sm font-semibold">
            {t.name}
            <span className="block text-xs font-normal text-slate-600">{t.credentials}</span>
          </div>
        ))}

        <div className="relative" style={{ height: rows * ROW_PX }} aria-hidden="true">
          {Array.from({ length: (to - from) / 60 }, (_, i) => (
            <span key={i} className="absolute right-2 -translate-y-1/2 text-xs text-slate-600" style={{ top: i * 4 * ROW_PX }}>
              {i === 0 ? "" : formatMinutes(from + i * 60)}
            </span>
          ))}
        </div>

        {data.therapists.map((t) => {
          const blocks = data.hours.filter((h) => h.therapistId === t.id && h.date === date);
          const visits = data.appointments.filter((a) => a.therapistId === t.id && localDate(a.start) === date);
          const off = data.timeOff.filter((o) => o.therapistId === t.id && localDate(o.start) <= date && localDate(o.end) >= date);
          return (
            <div
              key={t.id}
              className="relative border-l border-slate-200 bg-slate-100"
              style={{ height: rows * ROW_PX }}
              data-therapist-column={t.id}
              // The whole column takes drops, cards included, and reads the time from the pointer.
              onDragOver={(event) => {
                event.preventDefault();
                event.dataTransfer.dropEffect = "move";
              }}
              onDrop={(event) => {
                event.preventDefault();
                const id = event.dataTransfer.getData("text/x-stride-appointment");
                const row = Math.floor((event.clientY - event.currentTarget.getBoundingClientRect().top) / ROW_PX);
                if (id && row >= 0 && row < rows) onDropAppointment(id, t.id, minutesAt(row));
              }}
            >
              {blocks.map((b) => (
                <div key={`${b.startMinute}-${b.endMinute}`} aria-hidden="true" className="absolute inset-x-0 bg-white" style={{ top: ((b.startMinute - from) / STEP) * ROW_PX, height: ((b.endMinute - b.startMinute) / STEP) * ROW_PX }}>
                  {b.visitModes.includes("HOME") && !b.visitModes.includes("CLINIC") ? <span className="absolute right-1 top-0.5 text-[10px] text-slate-600">home visits</span> : null}
                </div>
              ))}
              {off.map((o) => {
                const start = localDate(o.start) < date ? from : Math.max(from, localMinutes(o.start));
                const end = localDate(o.end) > date ? to : Math.min(to, localMinutes(o.end));
                return (
                  <div key={o.start} className="absolute inset-x-0 bg-slate-300/70 px-1 text-[10px] text-slate-800" style={{ top: ((start - from) / STEP) * ROW_PX, height: ((end - start) / STEP) * ROW_PX }}>
                    {o.kind === "TIME_OFF" ? "Time off" : "Blocked"}
                  </div>
                );
              })}
              {Array.from({ length: rows }, (_, i) => (
                <div
                  key={i}
                  aria-hidden="true"
                  data-slot-minute={minutesAt(i)}
                  className={`absolute inset-x-0 ${i % 4 === 0 ? "border-t border-slate-200" : ""} hover:bg-teal-100/60`}
                  style={{ top: i * ROW_PX, height: ROW_PX }}
                  onClick={() => onPickEmpty(t.id, minutesAt(i))}
                />
              ))}
              {visits.map((a) => {
                const start = localMinutes(a.start);
                const end = localDate(a.end) === date ? localMinutes(a.end) : to;
                return (
                  <div key={a.id} className="absolute inset-x-1 z-10" style={{ top: ((start - from) / STEP) * ROW_PX, height: Math.max(ROW_PX * 2, ((end - start) / STEP) * ROW_PX) }}>
                    <AppointmentCard appointment={a} therapistName={t.name} onOpen={() => onOpen(a)} draggable={a.status === "BOOKED" && !a.elsewhere} style={{ height: "100%" }} />
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
