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
    const date = localDate(slot.start, timeZone);
    const day = days.get(date);
    if (day) day.push(slot);
    else days.set(date, [slot]);
  }
  return [...days].map(([date, daySlots]) => ({ date, slots: daySlots }));
}

/** The seven local dates of the week shown, starting at `weekStart`. */
export function weekDates(weekStart: string): string[] {
  return Array.from({ length: WEEK_DAYS }, (_, index) => addDays(weekStart, index));
}

/**
 * The day whose times are shown: the one the patient chose if it has times,
 * else the day of the chosen slot, else the first day with times; null when
 * the week has none.
 */
export function shownDay(days: SlotDay[], choices: { chosenDate?: string | null; selectedDate?: string | null }): string | null {
  const hasTimes = (date: string | null | undefined) => (date ? days.some((day) => day.date === date && day.slots.length > 0) : false);
  if (hasTimes(choices.chosenDate)) return choices.chosenDate!;
  if (hasTimes(choices.selectedDate)) return choices.selectedDate!;
  return days.find((day) => day.slots.length > 0)?.date ?? null;
}

/** The local date (in the location's zone) an instant falls on. */
export function localDate(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).toISODate()!;
}
