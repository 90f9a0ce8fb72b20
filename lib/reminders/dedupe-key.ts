import type { MessageChannel } from "../db/generated/client";

// A reminder is for one visit at one start time on one channel: a visit that
// moves gets a new key (a reminder for its new time), and the old key's
// reminder finds at send time that the visit no longer starts then.

export function reminderDedupeKey(channel: MessageChannel, appointmentId: string, start: Date): string {
  return `reminder:${channel.toLowerCase()}:${appointmentId}:${start.toISOString()}`;
}

/** The start time a reminder was queued for, read back from its key; null when the key is not a reminder's. */
export function reminderStartOf(dedupeKey: string): Date | null {
  const match = /^reminder:(?:email|sms):[0-9a-f-]{36}:(.+)$/.exec(dedupeKey);
  if (!match) return null;
  const start = new Date(match[1]!);
  return Number.isNaN(start.getTime()) ? null : start;
}
