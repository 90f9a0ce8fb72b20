import type { VisitMode } from "@/lib/schedules/types";

/** What the schedule forms need to know about the chosen therapist. */
export interface TherapistRef {
  id: string;
  firstName: string;
  visitModes: VisitMode[];
}

/** A location as the forms show it: its name and its clock. */
export interface LocationOption {
  id: string;
  name: string;
  timeZone: string;
  /** e.g. "Mountain Time (America/Denver)" */
  zoneLabel: string;
}
