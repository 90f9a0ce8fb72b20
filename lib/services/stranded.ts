// Which booked visits a change to a service leaves behind: visits still to
// come, booked for terms the service no longer has. Saving never alters
// them (a visit keeps the length, mode and therapist it was booked with);
// the list tells the front desk whom to call.

import type { VisitMode } from "../scheduling/types";
import type { ServiceStrandReason } from "../schedules/types";

/** What of a service a booked visit depends on. */
export interface ServiceTerms {
  active: boolean;
  durationMinutes: number;
  visitModes: readonly VisitMode[];
  therapistIds: readonly string[];
}

export interface BookedServiceVisit {
  mode: VisitMode;
  therapistId: string;
}

/** The first way the change leaves this visit behind, or null when it does not. */
export function serviceStrandReason(visit: BookedServiceVisit, before: ServiceTerms, after: ServiceTerms): ServiceStrandReason | null {
  if (before.active && !after.active) return "service-inactive";
  if (before.durationMinutes !== after.durationMinutes) return "duration-changed";
  if (before.visitModes.includes(visit.mode) && !after.visitModes.includes(visit.mode)) return "mode-removed";
  if (before.therapistIds.includes(visit.therapistId) && !after.therapistIds.includes(visit.therapistId)) return "therapist-removed";
  return null;
}
