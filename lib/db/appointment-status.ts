// What each appointment status is. A held time (HELD) is kept for a patient
// while they pay online, and a lapsed one (LAPSED) ran out or was abandoned:
// neither is a visit, so neither is reminded, messaged, counted, exported or
// shown as one. Every status must be sorted here, so a new one cannot slip
// into the visit lists unnoticed.
import type { AppointmentStatus } from "./generated/enums";

const KIND = {
  BOOKED: "visit",
  CHECKED_IN: "visit",
  COMPLETED: "visit",
  CANCELLED: "visit",
  NO_SHOW: "visit",
  HELD: "hold",
  LAPSED: "hold",
} as const satisfies Record<AppointmentStatus, "visit" | "hold">;

export type VisitStatus = { [S in keyof typeof KIND]: (typeof KIND)[S] extends "visit" ? S : never }[keyof typeof KIND];

/** The statuses of visits, cancelled and missed ones included. */
export const VISIT_STATUSES = (Object.keys(KIND) as AppointmentStatus[]).filter((s): s is VisitStatus => KIND[s] === "visit");

export function isVisitStatus(status: AppointmentStatus): status is VisitStatus {
  return KIND[status] === "visit";
}

/** A visit's status, for code that only ever holds visits: a hold there is a bug, not a case. */
export function visitStatusOf(status: AppointmentStatus): VisitStatus {
  if (!isVisitStatus(status)) throw new Error(`A ${status} appointment is not a visit and is never shown as one.`);
  return status;
}

/** A Prisma filter on "status" for visits only: `where: { status: visitStatusFilter() }`. */
export function visitStatusFilter(): { in: VisitStatus[] } {
  return { in: [...VISIT_STATUSES] };
}
