// Time off as staff enter it (whole local days, or from–to wall-clock times)
// and as it is stored (instants). Both directions read the location's zone,
// so a day off on a DST day is 23 or 25 hours long, as the day really is.

import type { Interval } from "../scheduling/types";
import { localDateOf, wallTimeToInstant, zonedDayBounds } from "../scheduling/zone-time";

export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes after local midnight. */
  minute: number;
}

export type TimeOffPeriod =
  | { span: "days"; firstDay: string; lastDay: string }
  | { span: "times"; startsAt: LocalDateTime; endsAt: LocalDateTime };

/** The instants a period covers in `zone`: whole days run from the first day's midnight to the midnight after the last. */
export function timeOffInterval(period: TimeOffPeriod, zone: string): Interval {
  if (period.span === "days") {
    return { start: zonedDayBounds(period.firstDay, zone).start, end: zonedDayBounds(period.lastDay, zone).end };
  }
  return {
    start: wallTimeToInstant(period.startsAt.date, period.startsAt.minute, zone),
    end: wallTimeToInstant(period.endsAt.date, period.endsAt.minute, zone),
  };
}

/** The local days an interval covers exactly, midnight to midnight in `zone`, or null when it starts or ends mid-day. */
export function wholeDaysOf(interval: Interval, zone: string): { firstDay: string; lastDay: string } | null {
  if (interval.end <= interval.start) return null;
  const firstDay = localDateOf(interval.start, zone);
  const lastDay = localDateOf(interval.end - 1, zone);
  if (zonedDayBounds(firstDay, zone).start !== interval.start) return null;
  if (zonedDayBounds(lastDay, zone).end !== interval.end) return null;
  return { firstDay, lastDay };
}
