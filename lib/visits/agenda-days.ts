// The days a therapist's agenda covers, in one location's zone. Pure: the
// clock and the zone are passed in, so the process zone never leaks in.

import { localDateOf, zonedDayBounds } from "../scheduling/zone-time";

export type RelativeDay = "today" | "tomorrow";

export interface AgendaDay {
  /** The local date, YYYY-MM-DD. */
  date: string;
  relative: RelativeDay;
  /** Local midnight to the next local midnight, as instants (not always 24 h apart). */
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Today and tomorrow as the wall clock in `zone` reads them at `now`. */
export function agendaDays(now: number, zone: string): [AgendaDay, AgendaDay] {
  const today = localDateOf(now, zone);
  const tomorrow = nextDate(today);
  return [
    { date: today, relative: "today", ...zonedDayBounds(today, zone) },
    { date: tomorrow, relative: "tomorrow", ...zonedDayBounds(tomorrow, zone) },
  ];
}

/** The agenda day a visit starting at `instant` belongs to, if any. */
export function agendaDayOf<D extends Pick<AgendaDay, "start" | "end">>(instant: number, days: readonly D[]): D | undefined {
  return days.find((day) => day.start <= instant && instant < day.end);
}
