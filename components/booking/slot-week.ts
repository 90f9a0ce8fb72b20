import { DateTime } from "luxon";
import type { SlotDto } from "@/lib/booking/api-types";

// "Today" and the days slots fall on are read in the location's zone, so a
// patient browsing late at night in another zone still sees the clinic's days.

export const WEEK_DAYS = 7;

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: "UTC" }).plus({ days }).toISODate()!;
}

export function weekEnd(weekStart: string): string {
  return addDays(weekStart, WEEK_DAYS - 1);
}

export function slotKey(slot: SlotDto): string {
  return `${slot.start}|${slot.therapistId}`;
}

export interface SlotDay {
  /** Local date (YYYY-MM-DD) in the location's zone. */
  date: string;
  slots: SlotDto[];
}

/**
 * Sorts slots and groups them by local day. With `oneTherapistPerTime`, a
 * start time offered by several therapists appears once (the first one offered).
 */
export function groupSlotsByDay(slots: SlotDto[], timeZone: string, oneTherapistPerTime: boolean): SlotDay[] {
  const sorted = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const seenStarts = new Set<number>();
  const days = new Map<string, SlotDto[]>();
  for (const slot of sorted) {
    const instant = Date.parse(slot.start);
    if (oneTherapistPerTime) {
      if (seenStarts.has(instant)) continue;
      seenStarts.add(instant);
    }
    const date = DateTime.fromISO(slot.start, { zone: timeZone }).toISODate()!;
    const day = days.get(date);
    if (day) day.push(slot);
    else days.set(date, [slot]);
  }
  return [...days].map(([date, daySlots]) => ({ date, slots: daySlots }));
}
