import { ApiError } from "@/components/booking/api-client";
import type { Dictionary } from "@/lib/i18n/dictionaries/en";

/** The message for a failed reschedule or cancel; conflicts with alternatives are handled by the caller. */
export function changeFailureMessage(error: unknown, t: Dictionary["manage"]): string {
  if (!(error instanceof ApiError)) return t.failure.generic;
  const code = error.body?.error.code;
  if (code === "TOO_LATE_TO_CHANGE" || code === "ALREADY_CANCELLED") return t.failure[code];
  if (error.status === 429) return t.failure.rateLimited;
  if (error.status === 0) return t.failure.network;
  return t.failure.generic;
}

/** Whether the failure means our copy of the booking is out of date and should be read again. */
export function isStaleBooking(error: unknown): boolean {
  const code = error instanceof ApiError ? error.body?.error.code : undefined;
  return code === "TOO_LATE_TO_CHANGE" || code === "ALREADY_CANCELLED";
}
