import "server-only";
import type { Prisma } from "../db/generated/client";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import { normalisePostalCode } from "./postal-codes";
import type { StrandedAppointment, StrandReason } from "./types";

type Tx = Prisma.TransactionClient;

// Visits a change to a place (a location, its home-visit area, a room) could
// strand: booked or checked in, starting after now. Read inside the change's
// transaction after the place's row is locked, so a booking made since the
// staff member saw the list is in it.

const UPCOMING = ["BOOKED", "CHECKED_IN"] as const;

const SELECT = {
  id: true,
  mode: true,
  startsAt: true,
  endsAt: true,
  visitPostalCode: true,
  patient: { select: { firstName: true, lastName: true } },
  service: { select: { nameEn: true } },
  location: { select: { name: true, timeZone: true } },
} as const satisfies Prisma.AppointmentSelect;

export type UpcomingVisitRow = Prisma.AppointmentGetPayload<{ select: typeof SELECT }>;

/** The visits still to come that match `where`, soonest first. */
export async function upcomingVisits(tx: Tx, where: Prisma.AppointmentWhereInput, now: Date): Promise<UpcomingVisitRow[]> {
  return tx.appointment.findMany({
    where: { ...where, status: { in: [...UPCOMING] }, startsAt: { gt: now } },
    select: SELECT,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
}

export function toStrandedAppointment(row: UpcomingVisitRow, reason: StrandReason, newTimeZone?: string): StrandedAppointment {
  const zone = row.location.timeZone;
  return {
    id: row.id,
    startsAt: formatInstantWithOffset(row.startsAt.getTime(), zone),
    endsAt: formatInstantWithOffset(row.endsAt.getTime(), zone),
    timeZone: zone,
    locationName: row.location.name,
    patientName: `${row.patient.firstName} ${row.patient.lastName}`,
    serviceName: row.service.nameEn,
    mode: row.mode,
    reason,
    ...(newTimeZone ? { newTimeZone } : {}),
  };
}

/**
 * Home visits to postal codes the location would stop visiting. Only codes
 * taken off the list count: a visit the desk booked outside the area was
 * never inside it, so this change does not strand it.
 */
export async function strandedByHomeArea(
  tx: Tx,
  locationId: string,
  codes: { before: readonly string[]; after: readonly string[] },
  now: Date,
): Promise<StrandedAppointment[]> {
  const kept = new Set(codes.after.map(normalisePostalCode));
  const removed = new Set(codes.before.map(normalisePostalCode).filter((code) => !kept.has(code)));
  if (removed.size === 0) return [];
  const rows = await upcomingVisits(tx, { locationId, mode: "HOME" }, now);
  return rows.filter((row) => removed.has(normalisePostalCode(row.visitPostalCode ?? ""))).map((row) => toStrandedAppointment(row, "home-area"));
}
