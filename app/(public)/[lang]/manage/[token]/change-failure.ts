import { ApiError } from "@/components/booking/api-client";

/** What went wrong with a reschedule or cancel, as a key of the manage page's failure messages. */
export type ChangeFailure = "TOO_LATE_TO_CHANGE" | "ALREADY_CANCELLED" | "rateLimited" | "network" | "generic";

/** The failure of a reschedule or cancel; conflicts with alternatives are handled by the caller. */
export function changeFailure(error: unknown): ChangeFailure {
  if (!(error instanceof ApiError)) return "generic";
  const code = error.body?.error.code;
  if (code === "TOO_LATE_TO_CHANGE" || code === "ALREADY_CANCELLED") return code;
  if (error.status === 429) return "rateLimited";
  if (error.status === 0) return "network";
  return "generic";
}

/** Whether the failure means our copy of the booking is out of date and should be read again. */
export function isStaleBooking(error: unknown): boolean {
  const code = error instanceof ApiError ? error.body?.error.code : undefined;
  return code === "TOO_LATE_TO_CHANGE" || code === "ALREADY_CANCELLED";
}
