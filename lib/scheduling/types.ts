// Plain values in, plain values out: the availability engine knows nothing of
// Prisma, Next or the process clock. Instants are epoch milliseconds (UTC);
// wall-clock values are always read in an explicit IANA zone.

export type VisitMode = "CLINIC" | "HOME" | "VIDEO";

/** A half-open span of time [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** A recurring block of working time, in the location's local wall-clock time. */
export interface WeeklyBlock {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight, 0–1440. */
  startMinute: number;
  endMinute: number;
  /** Kinds of visit this block may hold. */
  visitModes: VisitMode[];
  /** Local dates (YYYY-MM-DD), inclusive, when the block applies; null = open. */
  validFrom?: string | null;
  validUntil?: string | null;
}

export interface RoomLoad {
  roomId: string;
  capacity: number;
  /** Visit times (no buffers) of active appointments in this room. */
  busy: Interval[];
}

/** One therapist's working time at one location, and what already fills it. */
export interface TherapistSchedule {
  therapistId: string;
  locationId: string;
  /** The location's IANA zone. */
  timeZone: string;
  weeklyHours: WeeklyBlock[];
  /** Time off and blocked time, as instants. */
  timeOff: Interval[];
  /** Blocked ranges (buffers and travel included) of the therapist's active appointments, at any location. */
  busy: Interval[];
  /** Languages the therapist speaks (e.g. "en", "es"); used to prefer one the patient speaks. */
  languages?: readonly string[];
}

export interface SlotQuery {
  mode: VisitMode;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Kept free on both sides of a HOME visit; ignored for other modes. */
  travelMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** First and last local dates (YYYY-MM-DD, inclusive) in the location's zone. */
  from: string;
  to: string;
  now: number;
  /** Grid of start times, in minutes from the start of each working block. Default 15. */
  stepMinutes?: number;
  /** For CLINIC visits: the location's rooms; a slot needs one with room left. Omitted = no room check. */
  rooms?: RoomLoad[];
  /** The patient's language: "first available" prefers a therapist who speaks it, at the same start time. */
  language?: string;
}

export interface Slot {
  start: number;
  end: number;
  therapistId: string;
  locationId: string;
}
