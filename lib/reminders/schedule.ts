import { DateTime } from "luxon";

// When a reminder goes: pure, from plain values, with the clock passed in.

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** No reminder goes out between these local hours (21:00 up to 08:00 in the visit location's zone). */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

/**
 * A reminder due inside quiet hours goes at this local time of the evening
 * that starts them instead: 20:45, a quarter of an hour before 21:00, so a
 * busy queue still delivers it before quiet hours begin.
 */
export const EVENING_SEND = { hour: 20, minute: 45 } as const;

/**
 * How late after 21:00 a reminder may still go when the queue ran behind.
 * Due times never fall in quiet hours, so only a worker that was stopped or
 * swamped sends later than this; such a reminder is skipped, never sent in
 * the night (a text at 3 am is worse than none).
 */
export const QUIET_TOLERANCE_MS = 15 * MINUTE_MS;

function localHour(instant: number, zone: string): DateTime {
  return DateTime.fromMillis(instant, { zone });
}

/** Whether an instant falls inside quiet hours at the location. */
export function inQuietHours(instant: number, zone: string): boolean {
  const hour = localHour(instant, zone).hour;
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/**
 * When a reminder `leadHours` before a visit is due: that many real hours
 * before the start (so across a change to or from daylight saving time it is
 * still the same length of time ahead), moved earlier to 20:45 local of the
 * evening before when that instant is inside quiet hours.
 */
export function reminderDueAt(start: number, leadHours: number, zone: string): number {
  const due = start - leadHours * HOUR_MS;
  if (!inQuietHours(due, zone)) return due;
  const local = localHour(due, zone);
  // 21:00–23:59 belongs to this evening; 00:00–07:59 to the evening before.
  const evening = local.hour >= QUIET_FROM_HOUR ? local : local.minus({ days: 1 });
  return evening.set({ ...EVENING_SEND, second: 0, millisecond: 0 }).toMillis();
}

/** A reminder that would now go deep into quiet hours is not sent at all. */
export function tooLateTonight(now: number, zone: string): boolean {
  if (!inQuietHours(now, zone)) return false;
  const local = localHour(now, zone);
  // The evening's first minutes after 21:00 are allowed for a queue that ran slightly behind.
  if (local.hour === QUIET_FROM_HOUR) return now - local.startOf("hour").toMillis() > QUIET_TOLERANCE_MS;
  return true;
}

export interface ReminderTiming {
  start: number;
  leadHours: number;
  zone: string;
  /** When the visit got its current start; null when not known (imported). */
  startSetAt: number | null;
}

export type ReminderDecision = { send: true; dueAt: number } | { send: false; why: string };

/**
 * Whether a visit gets a reminder of one kind at all, and when:
 * - none when the practice turned that kind off (0 hours);
 * - none when the visit got its current start after the reminder was due
 *   (booked or moved inside its lead time: the confirmation or change notice covers it);
 * - none once less than half the lead time is left (a worker that was down
 *   for long sends no reminder 10 minutes before the visit).
 */
export function decideReminder(t: ReminderTiming, now: number): ReminderDecision {
  if (t.leadHours <= 0) return { send: false, why: "The practice sends no reminders of this kind." };
  const dueAt = reminderDueAt(t.start, t.leadHours, t.zone);
  if (t.startSetAt !== null && t.startSetAt >= dueAt) return { send: false, why: "The visit got its time after this reminder was due; its confirmation covered it." };
  if (now >= t.start - (t.start - dueAt) / 2) return { send: false, why: "Too little of the reminder's lead time is left." };
  return { send: true, dueAt };
}
