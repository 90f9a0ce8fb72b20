// Wall-clock times of day as typed in the schedule forms ("HH:MM"), as
// stored (minutes after local midnight) and as shown ("8:00 AM"). Written by
// hand rather than through Intl, so server and browser render the same bytes.

const HH_MM = /^(\d{2}):(\d{2})$/;
export const MINUTES_PER_DAY = 1440;

/** Minutes after midnight for "HH:MM" (00:00–24:00), or null when it is not a time of day. */
export function parseWallTime(value: string): number | null {
  const match = HH_MM.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return null;
  const total = hours * 60 + minutes;
  return total <= MINUTES_PER_DAY ? total : null;
}

/** "HH:MM" for minutes after midnight, e.g. 780 → "13:00". */
export function formatWallTime(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** Minutes after local midnight as "8:00 AM"; 1440 is "midnight". */
export function formatClock(minuteOfDay: number): string {
  if (minuteOfDay >= 1440) return "midnight";
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = String(minuteOfDay % 60).padStart(2, "0");
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${twelve}:${minutes} ${hours < 12 ? "AM" : "PM"}`;
}

export function formatClockRange(startMinute: number, endMinute: number): string {
  return `${formatClock(startMinute)} – ${formatClock(endMinute)}`;
}
