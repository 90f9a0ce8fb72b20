// How the schedules page writes dates and instants: through Intl, with the
// location's zone named explicitly. Wall-clock block times use formatClock
// (lib/schedules/wall-time), written by hand so server and browser agree.

import { wholeDaysOf } from "@/lib/schedules/time-off-range";

const LOCALE = "en-US";

/** A local date (YYYY-MM-DD) as "Tue, Nov 24, 2026". */
export function formatLocalDate(date: string): string {
  return new Intl.DateTimeFormat(LOCALE, { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A visit as "Tue, Nov 24, 10:00 – 10:45 AM MST", on the location's clock. */
export function formatVisitTime(startsAt: string, endsAt: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(LOCALE, {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** How a period of whole days is written, from the catalogue: "Mon, Dec 7 (whole day)". */
export interface WholeDayWords {
  wholeDay: (day: string) => string;
  wholeDays: (first: string, last: string) => string;
}

/** Time off as whole days ("Mon, Dec 7 – Wed, Dec 9, 2026 (whole days)") when it is, else from–to times. */
export function formatTimeOffPeriod(startsAt: string, endsAt: string, timeZone: string, words: WholeDayWords): string {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  const days = wholeDaysOf({ start, end }, timeZone);
  if (days) {
    return days.firstDay === days.lastDay
      ? words.wholeDay(formatLocalDate(days.firstDay))
      : words.wholeDays(formatLocalDate(days.firstDay), formatLocalDate(days.lastDay));
  }
  const format = new Intl.DateTimeFormat(LOCALE, { weekday: "short", month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZone });
  return format.formatRange(new Date(start), new Date(end));
}
