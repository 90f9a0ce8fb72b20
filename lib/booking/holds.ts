import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import { isVisitStatus } from "../db/appointment-status";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { violatedConstraint } from "../db/errors";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { queueVisitEmail } from "../messages/mutations";
import { queueBookedNotices } from "../messages/visit-changes";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import type { BookingCreatedDto } from "./api-types";
import { scheduleHoldExpiry } from "./hold-expiry";
import { chooseRoom, holdOnlineBooking } from "./mutations";
import type { CreateBookingInput } from "./schema";

const MINUTE_MS = 60_000;
const PAYMENT_ACTOR = "patient via online payment";
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/**
 * A time held while the patient pays, and what the checkout needs to charge
 * for it. The links are the visit's own, as a booking answers them; they open
 * nothing until the hold is paid for and booked.
 */
export interface HoldCreated extends BookingCreatedDto {
  /** When the time stops being kept (ISO 8601 with the location's offset). */
  expiresAt: string;
  timeZone: string;
  language: "en" | "es";
  service: { id: string; name: { en: string; es: string }; priceCents: number; currency: string };
}

/**
 * Holds the chosen time for PAYMENT_HOLD_MINUTES while the patient pays: the
 * booking form's own path (validation, slot checks, the patient's record, the
 * answers to a lost race, none naming another visit of the patient's), writing
 * a HELD row and sending nothing. A live hold blocks the time for everyone; an
 * expired one gives way to the next booking that wants it.
 */
export async function createHold(input: CreateBookingInput, ctx: RequestContext): Promise<HoldCreated> {
  const expiresAt = new Date(ctx.now.getTime() + getEnv().PAYMENT_HOLD_MINUTES * MINUTE_MS);
  const held = await holdOnlineBooking(input, ctx, { expiresAt });
  const row = await getPrisma().appointment.findUniqueOrThrow({
    where: { id: held.id },
    select: { language: true, location: { select: { timeZone: true } }, service: { select: { id: true, nameEn: true, nameEs: true, priceCents: true, currency: true } } },
  });
  const { service } = row;
  return {
    ...held,
    expiresAt: formatInstantWithOffset(expiresAt.getTime(), row.location.timeZone),
    timeZone: row.location.timeZone,
    language: row.language,
    service: { id: service.id, name: { en: service.nameEn, es: service.nameEs }, priceCents: service.priceCents, currency: service.currency },
  };
}

export type ConfirmHoldResult =
  /** The time is booked now, and its confirmation is queued. */
  | { outcome: "booked"; appointmentId: string }
  /** Booked before (a repeated confirmation): nothing changed, nothing sent again. */
  | { outcome: "already"; appointmentId: string }
  /** The hold lapsed and someone else has the time: nothing booked; the payment is to be refunded. */
  | { outcome: "taken"; appointmentId: string };

const holdIdSchema = z.uuid();

function notFound(): AppError {
  return new AppError("NOT_FOUND", "That held time does not exist.");
}

/**
 * The payment for a hold went through: books its time, decided under the
 * row's lock at the moment of effect. Still HELD (even past its expiry, as
 * long as nobody took the time, which would have lapsed it) → booked. LAPSED →
 * booked again if the time is still free, else "taken". Already a visit →
 * "already". Two confirmations at once queue on the row's lock: one books and
 * queues the confirmation, the other finds it booked.
 */
export async function confirmHold(holdId: string, now: Date): Promise<ConfirmHoldResult> {
  if (!holdIdSchema.safeParse(holdId).success) throw notFound();
  return getPrisma().$transaction((tx) => confirmHoldIn(tx, holdId, now), TX_OPTIONS);
}

/**
 * confirmHold inside the caller's transaction (a payment's webhook event, so
 * the event is recorded with its effect). A lost race answers "taken" and
 * leaves the transaction usable: the booking's write runs under a savepoint
 * that is rolled back when the time turns out to be someone else's.
 */
export async function confirmHoldIn(tx: Prisma.TransactionClient, holdId: string, now: Date): Promise<ConfirmHoldResult> {
  if (!holdIdSchema.safeParse(holdId).success) throw notFound();
  const place = await tx.appointment.findUnique({ where: { id: holdId }, select: { locationId: true } });
  if (!place) throw notFound();
  // The location's rooms first, then the hold, the order a booking takes
  // them in (its room choice, then its insert, which lapses holds): in the
  // other order, this booking waiting for a room held by a booking waiting
  // for this hold would deadlock.
  await tx.$queryRaw`SELECT 1 FROM "Room" WHERE "locationId" = ${place.locationId}::uuid ORDER BY "id" FOR UPDATE`;
  const [locked] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "Appointment" WHERE "id" = ${holdId}::uuid FOR UPDATE`;
  if (!locked) throw notFound();
  const hold = await tx.appointment.findUniqueOrThrow({ where: { id: holdId } });
  if (isVisitStatus(hold.status)) return { outcome: "already", appointmentId: hold.id };

  let booked;
  await tx.$executeRaw`SAVEPOINT confirm_hold`;
  try {
    // A lapsed hold's room place may be someone else's now: take any room
    // free then. A held one still has its place.
    const roomId =
      hold.status === "LAPSED" && hold.mode === "CLINIC"
        ? await chooseRoom(tx, hold.locationId, { start: hold.startsAt.getTime(), end: hold.endsAt.getTime() }, hold.id)
        : hold.roomId;
    // The exclusion constraints decide whether the time is still free.
    booked = await tx.appointment.update({
      where: { id: hold.id },
      // Booked now: a reminder's lead time counts from here, as for any booking.
      data: { status: "BOOKED", roomId, startSetAt: now },
    });
  } catch (error) {
    if (!isTakenError(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT confirm_hold`;
    await tx.$executeRaw`RELEASE SAVEPOINT confirm_hold`;
    return { outcome: "taken", appointmentId: holdId };
  }
  await tx.$executeRaw`RELEASE SAVEPOINT confirm_hold`;
  await recordAudit(tx, {
    actor: PAYMENT_ACTOR,
    action: "appointment.hold-confirm",
    entity: "Appointment",
    entityId: booked.id,
    patientId: booked.patientId,
    ipAddress: null,
    detail: { from: hold.status, holdExpiresAt: hold.holdExpiresAt?.toISOString() ?? null },
  });
  await queueVisitEmail(tx, { kind: "confirmation", appointmentId: booked.id, dedupeKey: `confirmation:${booked.id}`, sendAfter: now });
  await queueBookedNotices(tx, { appointmentId: booked.id, revision: booked.revision, before: null, after: { therapistId: booked.therapistId, start: booked.startsAt } }, now);
  return { outcome: "booked", appointmentId: booked.id };
}

function isTakenError(error: unknown): boolean {
  // No room left, or none open any more, for a lapsed hold's time.
  if (error instanceof AppError) return error.code === "SLOT_TAKEN" || error.code === "SLOT_UNAVAILABLE";
  const constraint = violatedConstraint(error);
  return constraint === "Appointment_therapist_no_overlap" || constraint === "Appointment_patient_no_overlap" || constraint === "Appointment_room_capacity";
}

export type ReleaseHoldResult = { outcome: "released" } | { outcome: "already-lapsed" } | { outcome: "booked" };

/**
 * The patient left the checkout: the time is free again at once rather than
 * when the hold would have run out, and its Checkout Session is expired (by
 * the hold's expiry job, queued to run now). A hold already paid for and booked stays
 * booked; the payment's own answer decides that.
 */
export async function releaseHold(holdId: string): Promise<ReleaseHoldResult> {
  if (!holdIdSchema.safeParse(holdId).success) throw notFound();
  return getPrisma().$transaction(async (tx) => {
    const released = await tx.appointment.updateMany({ where: { id: holdId, status: "HELD" }, data: { status: "LAPSED" } });
    const row = await tx.appointment.findUnique({ where: { id: holdId }, select: { status: true, patientId: true } });
    if (!row) throw notFound();
    if (released.count === 0) return row.status === "LAPSED" ? { outcome: "already-lapsed" as const } : { outcome: "booked" as const };
    // Its checkout is closed now rather than at the hold's expiry: the patient cannot pay for the time given back.
    await scheduleHoldExpiry(tx, holdId, new Date());
    await recordAudit(tx, {
      actor: PAYMENT_ACTOR,
      action: "appointment.hold-release",
      entity: "Appointment",
      entityId: holdId,
      patientId: row.patientId,
      ipAddress: null,
    });
    return { outcome: "released" as const };
  }, TX_OPTIONS);
}

/**
 * Marks LAPSED up to `limit` holds whose time ran out, oldest expiry first,
 * and answers their ids, so that the payments they were waiting for can be
 * closed too. Nothing needs it to run for the time to be free: an expired
 * hold never blocks (the database lapses it as the time is taken). Holds a
 * payment is confirming at that moment are skipped, not waited for; the
 * confirmation decides them. Expiry is judged on the database's clock, as the
 * constraint trigger judges it.
 */
export async function lapseExpiredHolds(limit = 500): Promise<string[]> {
  const rows = await getPrisma().$queryRaw<{ id: string }[]>`
    UPDATE "Appointment" SET "status" = 'LAPSED', "updatedAt" = clock_timestamp()
     WHERE "id" IN (SELECT "id" FROM "Appointment"
                     WHERE "status" = 'HELD' AND "holdExpiresAt" <= clock_timestamp()
                     ORDER BY "holdExpiresAt", "id"
                     LIMIT ${limit}
                       FOR UPDATE SKIP LOCKED)
       AND "status" = 'HELD'
    RETURNING "id"::text AS "id"`;
  return rows.map((r) => r.id);
}
