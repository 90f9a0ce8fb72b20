// Plain shapes the schedules page, its server actions and the data layer
// share. Instants travel as ISO strings with the location's offset, so they
// survive the trip to the browser and read correctly there.

import type { VisitMode } from "../scheduling/types";

export type { VisitMode };
export type TimeOffKind = "TIME_OFF" | "BLOCKED";

export interface TherapistChoice {
  id: string;
  firstName: string;
  lastName: string;
  credentials: string;
}

export interface ScheduleLocation {
  id: string;
  name: string;
  timeZone: string;
  country: string;
  homePostalCodes: string[];
  homeTravelMinutes: number;
}

export interface WeeklyHoursRow {
  id: string;
  locationId: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
  visitModes: VisitMode[];
  /** Local dates (YYYY-MM-DD), inclusive; null = open-ended. */
  validFrom: string | null;
  validUntil: string | null;
}

export interface TimeOffRow {
  id: string;
  kind: TimeOffKind;
  startsAt: string;
  endsAt: string;
  note: string | null;
}

export interface TherapistScheduleView {
  therapist: TherapistChoice & { visitModes: VisitMode[] };
  /** Sorted by name. */
  locations: ScheduleLocation[];
  /** The zone time off is shown in: the first location's (a practice's locations share one). */
  timeZone: string;
  weeklyHours: WeeklyHoursRow[];
  /** Time off that has not ended yet, soonest first. */
  timeOff: TimeOffRow[];
}

/**
 * Why a booked visit no longer fits after a change: the therapist's working
 * time, the therapist's own settings (deactivated, a location, mode or
 * service taken off), the place it was booked at (a location closed or moved
 * to another zone, a postal code no longer visited, a room closed or made
 * smaller), or the service it was booked for (withdrawn, a new length, a mode
 * or a therapist no longer offered).
 */
export type StrandReason =
  | "outside-hours"
  | "time-off"
  | "location-inactive"
  | "zone-change"
  | "home-area"
  | "room-inactive"
  | "room-capacity"
  | ServiceStrandReason
  | TherapistStrandReason;
export type ServiceStrandReason = "service-inactive" | "duration-changed" | "mode-removed" | "therapist-removed";

/** Why a booked visit is no longer offered after a change to the therapist's settings. */
export type TherapistStrandReason = "therapist-inactive" | "location-removed" | "mode-removed" | "service-removed";

export interface StrandedAppointment {
  id: string;
  /** ISO 8601 with the location's offset. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  locationName: string;
  patientName: string;
  serviceName: string;
  /** Named when the list spans several therapists' visits. */
  therapistName?: string;
  mode: VisitMode;
  reason: StrandReason;
  /** For a zone change: the zone whose clock the visit will read on afterwards (same instant). */
  newTimeZone?: string;
}

/**
 * A schedule change either saves, or stops to ask because booked visits
 * would be stranded. Saving never cancels them: the list says who to move.
 */
export type ScheduleChangeResult =
  | { status: "saved"; id: string; stranded: StrandedAppointment[] }
  | { status: "needs-confirmation"; stranded: StrandedAppointment[] };
