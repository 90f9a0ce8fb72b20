import { DateTime } from "luxon";

// A program is prescribed as sessions per week, and patients think of a week
// as Monday to Sunday where they live: the week is the location's, so a
// session logged late on Sunday evening counts for that week even when it is
// already Monday in UTC, and a week with a clock change is 167 or 169 hours.

/** The Monday-to-Monday week holding `now`, in `zone`, as instants. */
export function weekAround(now: Date, zone: string): { start: Date; end: Date } {
  const monday = DateTime.fromJSDate(now, { zone }).startOf("week");
  return { start: monday.toJSDate(), end: monday.plus({ weeks: 1 }).toJSDate() };
}

/** The calendar day `now` falls on in `zone`, as YYYY-MM-DD. */
export function localDate(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

/** The day `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ days }).toISODate()!;
}

/** The instant a YYYY-MM-DD day ends in `zone` (the next day's midnight there). */
export function endOfLocalDay(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf("day").toJSDate();
}

/** The last pain ratings, oldest first, as people write a trend: "6 → 4 → 3". */
export function painTrendText(ratings: readonly number[]): string {
  return ratings.join(" → ");
}
