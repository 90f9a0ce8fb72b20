import { formatMinutes } from "./wall-clock";

/** Start times a desk can choose, every quarter hour from 6 a.m. to 8 p.m. */
export const TIME_OPTIONS = Array.from({ length: (20 - 6) * 4 + 1 }, (_, i) => 6 * 60 + i * 15).map((minutes) => ({ minutes, label: formatMinutes(minutes) }));

/** The usual start times, plus `minutes` when it falls outside them (an early slot picked on the grid). */
export function timeOptionsWith(minutes: number) {
  if (TIME_OPTIONS.some((o) => o.minutes === minutes)) return TIME_OPTIONS;
  return [...TIME_OPTIONS, { minutes, label: formatMinutes(minutes) }].sort((a, b) => a.minutes - b.minutes);
}
