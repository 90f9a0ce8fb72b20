import "server-only";
import type { Prisma } from "../db/generated/client";
import { toStrandedAppointment, upcomingVisits } from "../schedules/stranded-visits";
import type { StrandedAppointment } from "../schedules/types";
import { visitsOverCapacity } from "./room-overload";

type Tx = Prisma.TransactionClient;

// Called inside the change's transaction, after the location's or the room's
// row is locked FOR UPDATE: a booking holds those rows (KEY SHARE through its
// foreign keys, FOR UPDATE on the room through the capacity trigger) until it
// commits, so any booking made before the lock is in the list.

/** Closing a location strands every visit still to come there. */
export async function strandedByClosing(tx: Tx, locationId: string, now: Date): Promise<StrandedAppointment[]> {
  return (await upcomingVisits(tx, { locationId }, now)).map((row) => toStrandedAppointment(row, "location-inactive"));
}

/** A new zone keeps each visit's instant, so its time on the location's clock changes. */
export async function strandedByZoneChange(tx: Tx, locationId: string, newTimeZone: string, now: Date): Promise<StrandedAppointment[]> {
  return (await upcomingVisits(tx, { locationId }, now)).map((row) => toStrandedAppointment(row, "zone-change", newTimeZone));
}

/**
 * Closing a room strands its visits; a smaller room strands the visits of
 * any moment it would overfill. A visit under way fills the room too, though
 * only visits still to come are listed (the one under way stays where it is).
 */
export async function strandedByRoomChange(tx: Tx, roomId: string, after: { active: boolean; capacity: number }, now: Date): Promise<StrandedAppointment[]> {
  const rows = await upcomingVisits(tx, { roomId }, now);
  if (!after.active) return rows.map((row) => toStrandedAppointment(row, "room-inactive"));
  const underWay = await tx.appointment.findMany({
    where: { roomId, status: { in: ["BOOKED", "CHECKED_IN"] }, startsAt: { lte: now }, endsAt: { gt: now } },
    select: { id: true, startsAt: true, endsAt: true },
  });
  const timed = [
    ...underWay.map((visit) => ({ id: visit.id, start: visit.startsAt.getTime(), end: visit.endsAt.getTime(), row: null })),
    ...rows.map((row) => ({ id: row.id, start: row.startsAt.getTime(), end: row.endsAt.getTime(), row })),
  ];
  return visitsOverCapacity(timed, after.capacity).flatMap((visit) => (visit.row ? [toStrandedAppointment(visit.row, "room-capacity")] : []));
}
