"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type KeyboardEvent } from "react";
import type { CalendarAppointmentDto, CalendarDto } from "@/lib/calendar/schema";
import { AppointmentCard } from "./appointment-card";
import { HeldBlock } from "./held-block";
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
  for (const a of [...data.appointments, ...data.holds].filter((x) => localDate(x.start) === date)) {
    from = Math.min(from, localMinutes(a.start));
    to = Math.max(to, localDate(a.end) === date ? localMinutes(a.end) : 24 * 60);
  }
  return { from: Math.floor(from / 60) * 60, to: Math.ceil(to / 60) * 60 };
}

/**
 * The free quarter hours of each therapist's day: inside working hours, clear
 * of visits, held times and time off. These are the slots the keyboard can reach.
 */
export function freeMinutes(data: CalendarDto, date: string, therapistId: string, from: number, to: number): number[] {
  const blocks = data.hours.filter((h) => h.therapistId === therapistId && h.date === date);
  const busy = [
    ...[...data.appointments, ...data.holds]
      .filter((a) => a.therapistId === therapistId && localDate(a.start) === date)
      .map((a) => ({ start: localMinutes(a.start), end: localDate(a.end) === date ? localMinutes(a.end) : 24 * 60 })),
    ...data.timeOff
      .filter((o) => o.therapistId === therapistId && localDate(o.start) <= date && localDate(o.end) >= date)
      .map((o) => ({ start: localDate(o.start) < date ? 0 : localMinutes(o.start), end: localDate(o.end) > date ? 24 * 60 : localMinutes(o.end) })),
  ];
  const free: number[] = [];
  for (let m = from; m < to; m += STEP) {
    const working = blocks.some((b) => b.startMinute <= m && m < b.endMinute);
    if (working && !busy.some((b) => b.start < m + STEP && m < b.end)) free.push(m);
  }
  return free;
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
  const tg = useTranslations("staffCalendar.grid");
  const { from, to } = gridSpan(data, date);
  const rows = (to - from) / STEP;
  const minutesAt = (index: number) => from + index * STEP;
  const gridRef = useRef<HTMLDivElement>(null);
  const free = new Map(data.therapists.map((t) => [t.id, freeMinutes(data, date, t.id, from, to)]));
  // One free slot of the whole grid is in the Tab order (a roving tabindex);
  // the arrow keys move between free slots, Enter or Space books one.
  const [current, setCurrent] = useState<{ therapistId: string; minute: number } | null>(null);
  const firstFree = data.therapists.map((t) => ({ therapistId: t.id, minute: free.get(t.id)?.[0] })).find((x) => x.minute !== undefined);
  const roving = current && free.get(current.therapistId)?.includes(current.minute) ? current : firstFree ? { therapistId: firstFree.therapistId, minute: firstFree.minute! } : null;

  const moveFocus = (event: KeyboardEvent, therapistId: string, minute: number) => {
    const column = data.therapists.findIndex((t) => t.id === therapistId);
    const minutes = free.get(therapistId) ?? [];
    let target: { therapistId: string; minute: number } | null = null;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const next = minutes[minutes.indexOf(minute) + (event.key === "ArrowDown" ? 1 : -1)];
      if (next !== undefined) target = { therapistId, minute: next };
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      const step = event.key === "ArrowRight" ? 1 : -1;
      for (let i = column + step; i >= 0 && i < data.therapists.length; i += step) {
        const other = free.get(data.therapists[i]!.id) ?? [];
        if (other.length === 0) continue;
        const nearest = other.reduce((best, m) => (Math.abs(m - minute) < Math.abs(best - minute) ? m : best));
        target = { therapistId: data.therapists[i]!.id, minute: nearest };
        break;
      }
    } else if (event.key === "Home" || event.key === "End") {
      const edge = event.key === "Home" ? minutes[0] : minutes[minutes.length - 1];
      if (edge !== undefined) target = { therapistId, minute: edge };
    } else {
      return;
    }
    event.preventDefault();
    if (!target) return;
    setCurrent(target);
    gridRef.current?.querySelector<HTMLElement>(`[data-free-slot="${target.therapistId}:${target.minute}"]`)?.focus();
  };

  return (
    <div ref={gridRef} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
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
          const held = data.holds.filter((h) => h.therapistId === t.id && localDate(h.start) === date);
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
                  {b.visitModes.includes("HOME") && !b.visitModes.includes("CLINIC") ? <span className="absolute right-1 top-0.5 text-[10px] text-slate-600">{tg("homeVisits")}</span> : null}
                </div>
              ))}
              {off.map((o) => {
                const start = localDate(o.start) < date ? from : Math.max(from, localMinutes(o.start));
                const end = localDate(o.end) > date ? to : Math.min(to, localMinutes(o.end));
                return (
                  <div key={o.start} className="absolute inset-x-0 bg-slate-300/70 px-1 text-[10px] text-slate-800" style={{ top: ((start - from) / STEP) * ROW_PX, height: ((end - start) / STEP) * ROW_PX }}>
                    {tg("off", { kind: o.kind })}
                  </div>
                );
              })}
              {Array.from({ length: rows }, (_, i) => {
                const minute = minutesAt(i);
                const line = `absolute inset-x-0 ${i % 4 === 0 ? "border-t border-slate-200" : ""} hover:bg-teal-100/60`;
                if (!free.get(t.id)?.includes(minute)) {
                  return <div key={i} aria-hidden="true" data-slot-minute={minute} className={line} style={{ top: i * ROW_PX, height: ROW_PX }} onClick={() => onPickEmpty(t.id, minute)} />;
                }
                const isRoving = roving?.therapistId === t.id && roving.minute === minute;
                // A div with the button role rather than a <button>: Chromium
                // does not deliver drops onto form controls, and visits are
                // dragged onto these slots.
                return (
                  <div
                    key={i}
                    role="button"
                    data-slot-minute={minute}
                    data-free-slot={`${t.id}:${minute}`}
                    tabIndex={isRoving ? 0 : -1}
                    aria-label={tg("bookAt", { time: formatMinutes(minute), therapist: t.name })}
                    className={`${line} cursor-pointer focus-visible:z-20 focus-visible:bg-teal-100 focus-visible:outline-3 focus-visible:outline-teal-700`}
                    style={{ top: i * ROW_PX, height: ROW_PX }}
                    onFocus={() => setCurrent({ therapistId: t.id, minute })}
                    onKeyDown={(event) => {
                      if (event.key === "Enter" || event.key === " ") {
                        event.preventDefault();
                        onPickEmpty(t.id, minute);
                      } else moveFocus(event, t.id, minute);
                    }}
                    onClick={() => onPickEmpty(t.id, minute)}
                  />
                );
              })}
              {held.map((h) => {
                const start = localMinutes(h.start);
                const end = localDate(h.end) === date ? localMinutes(h.end) : to;
                return (
                  <div key={h.start} className="absolute inset-x-1 z-10" style={{ top: ((start - from) / STEP) * ROW_PX, height: Math.max(ROW_PX * 2, ((end - start) / STEP) * ROW_PX) }}>
                    <HeldBlock hold={h} style={{ height: "100%" }} />
                  </div>
                );
              })}
              {visits.map((a) => {
                const start = localMinutes(a.start);
                const end = localDate(a.end) === date ? localMinutes(a.end) : to;
                return (
                  <div key={a.id} className="absolute inset-x-1 z-10" style={{ top: ((start - from) / STEP) * ROW_PX, height: Math.max(ROW_PX * 2, ((end - start) / STEP) * ROW_PX) }}>
                    <AppointmentCard appointment={a} therapistName={t.name} serviceName={data.serviceNames[a.serviceId] ?? ""} onOpen={() => onOpen(a)} draggable={a.status === "BOOKED" && !a.elsewhere} style={{ height: "100%" }} />
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
