import { localDateOf } from "../scheduling/zone-time";

/** "Today" at a location: its own date, wherever the server or browser clock is. */
export function todayAt(timeZone: string, now: Date = new Date()): string {
  return localDateOf(now.getTime(), timeZone);
}
