import type { StrandedAppointment } from "@/lib/schedules/types";

/** What a schedule action answers the page: saved, stopped to ask about stranded visits, or refused with reasons. */
export type ScheduleActionResult =
  | { status: "saved"; stranded: StrandedAppointment[] }
  | { status: "needs-confirmation"; stranded: StrandedAppointment[] }
  | { status: "invalid"; message: string; fields: Record<string, string> };
