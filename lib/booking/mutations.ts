import type { RequestContext } from "../http/request-context";
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit/mutations";
import { getPrisma } from "../db/client";
import { isVisitStatus, visitStatusOf } from "../db/appointment-status";
import { violatedConstraint } from "../db/errors";
import type { Appointment, Location, Patient, Prisma, Service, Therapist, VisitMode } from "../db/generated/client";
import { getEnv, publicBaseUrl } from "../env";
import { AppError } from "../errors/app-error";
import { blockedRangeFor } from "../scheduling/blocked-range";
import { nearestSlots } from "../scheduling/nearest-slots";
import { pickRoom } from "../scheduling/pick-room";
import type { Slot } from "../scheduling/types";
import { formatInstantWithOffset, localDateOf } from "../scheduling/zone-time";
import type { BookingCreatedDto, BookingDto, SlotDto } from "./api-types";
import { PATIENT_CANCELLED_REASON } from "./cancellation-reason";
import { changeDeadline as serviceChangeDeadline } from "./change-deadline";
import {
  ACTIVE_STATUSES,
  findService,
  resolveLocations,
  resolveMode,
  searchSlots,
  toLocationDto,
  toSlotDto,
} from "./data";
import { confirmSlotUnderLock } from "./confirm-slot";
import { videoJoinTokenFor, videoJoinTokenHashFor } from "../video/join-token";
import { appointmentIdForLink } from "../patient-links/data";
import { queueVisitEmail } from "../messages/mutations";
import { queueBookedNotices, queueCancelledNotices, queueRescheduledNotices } from "../messages/visit-changes";
import { scheduleHoldExpiry } from "./hold-expiry";
import { cancellationMoney, enqueueCancelRefund } from "./cancel-refund";
import { bookingMoney } from "../payments/booking-money";
import { isOnlinePaymentOn } from "../payments/config";
import { findFeePolicy } from "../practice/data";
import { packageCoverFor } from "../packages/data";
import { debitPackageVisit, restorePackageVisit } from "../packages/mutations";
import { createManageToken, hashManageToken, looksLikeManageToken } from "./manage-token";
import { hashBookingBody, hashIdempotencyKey, openManageToken, REPLAY_WINDOW_MS, sealManageToken } from "./replay-seal";
import type { CancelBookingInput, CreateBookingInput, RescheduleBookingInput } from "./schema";

export type { RequestContext };

const PATIENT_ACTOR = "patient via manage link";
const ONLINE_ACTOR = "patient via online booking";
const SLOT_TAKEN_MESSAGE = "Sorry, that time was just taken. Please choose another time.";
// A burst of bookings queues for pool connections; waiting a little longer
// than Prisma's 2 s default turns that queue into answers instead of errors.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;
const DAY_MS = 86_400_000;

type FullAppointment = Appointment & { service: Service; therapist: Therapist; location: Location; patient: Patient };
const FULL = { service: true, therapist: true, location: true, patient: true } as const;

/** The patient's manage link, in the language they booked in. */
export function manageUrl(token: string, language: string): string {
  return `${publicBaseUrl()}/${language}/manage/${token}`;
}

/** The four time columns of an appointment row, from the engine's blocked range. */
export function rangeColumns(range: { start: number; end: number; blockedFrom: number; blockedUntil: number }) {
  return {
    startsAt: new Date(range.start),
    endsAt: new Date(range.end),
    blockedFrom: new Date(range.blockedFrom),
    blockedUntil: new Date(range.blockedUntil),
  };
}

/**
 * The stored hashes of a visit's private links: the manage link and the
 * video room's join link, which derives from it.
 */
export function linkHashes(manageToken: string) {
  return { manageTokenHash: hashManageToken(manageToken), videoJoinTokenHash: videoJoinTokenHashFor(manageToken) };
}

/** The patient's link into the video room, for video visits only. */
export function joinUrlFor(mode: VisitMode, manageToken: string): string | null {
  return mode === "VIDEO" ? `${publicBaseUrl()}/visit/${videoJoinTokenFor(manageToken)}` : null;
}

export function tokenExpiry(endsAt: number): Date {
  return new Date(endsAt + getEnv().MANAGE_TOKEN_DAYS_AFTER_VISIT * DAY_MS);
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The free times nearest to `target`, for a patient whose choice was just taken. */
export async function alternativesNear(
  target: number,
  args: { service: Service; mode: VisitMode; location: Location; therapistId?: string; now: Date; excludeAppointmentId?: string; ignoreNotice?: boolean; language?: "en" | "es" },
): Promise<SlotDto[]> {
  const day = localDateOf(target, args.location.timeZone);
  const { slots } = await searchSlots({
    service: args.service,
    mode: args.mode,
    locations: [args.location],
    therapistId: args.therapistId,
    from: shiftDate(day, -2),
    to: shiftDate(day, 5),
    now: args.now,
    excludeAppointmentId: args.excludeAppointmentId,
    ignoreNotice: args.ignoreNotice,
    language: args.language,
  });
  return nearestSlots(slots, target, 5).map((s) => toSlotDto(s, args.location.timeZone, { cancelCutoffMinutes: args.service.cancelCutoffMinutes, now: args.now }));
}

/**
 * Finds the open slot at exactly `start`, or explains why there is none: taken
 * by someone else (409) or never offered at that time (422), with alternatives.
 */
export async function requireSlot(args: {
  service: Service;
  mode: VisitMode;
  location: Location;
  start: number;
  therapistId?: string;
  now: Date;
  excludeAppointmentId?: string;
  ignoreNotice?: boolean;
  language?: "en" | "es";
}): Promise<Slot> {
  const day = localDateOf(args.start, args.location.timeZone);
  const search = { ...args, locations: [args.location], from: day, to: day };
  const { slots } = await searchSlots(search);
  const slot = slots.find((s) => s.start === args.start);
  if (slot) return slot;

  const alternatives = await alternativesNear(args.start, args);
  const { slots: unbooked } = await searchSlots({ ...search, ignoreBookings: true });
  if (unbooked.some((s) => s.start === args.start)) {
    throw new AppError("SLOT_TAKEN", SLOT_TAKEN_MESSAGE, { alternatives });
  }
  throw new AppError("SLOT_UNAVAILABLE", "That time is not open for booking. Please choose one of the offered times.", { alternatives });
}

export async function upsertPatient(tx: Prisma.TransactionClient, p: CreateBookingInput["patient"], language: "en" | "es"): Promise<string> {
  // One row per person, found by the identity index; an online form never
  // overwrites the contact details the clinic already holds.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Patient" ("firstName", "lastName", "email", "phone", "dateOfBirth", "preferredLanguage",
                           "addressLine1", "addressLine2", "city", "postalCode", "updatedAt")
    VALUES (${p.firstName}, ${p.lastName}, ${p.email.toLowerCase()}, ${p.phone}, ${p.dateOfBirth}::date, ${language}::"Language",
            ${p.address?.line1 ?? null}, ${p.address?.line2 ?? null}, ${p.address?.city ?? null}, ${p.address?.postalCode ?? null}, now())
    ON CONFLICT (lower("email"), "dateOfBirth", lower("firstName")) DO UPDATE SET "updatedAt" = "Patient"."updatedAt"
    RETURNING "id"`;
  return rows[0]!.id;
}

/** Whether a new-patients-only service would go to someone already booked or seen. */
async function isReturningPatientFor(tx: Prisma.TransactionClient, service: Service, patientId: string, excludeAppointmentId?: string): Promise<boolean> {
  if (!service.newPatientsOnly) return false;
  const previous = await tx.appointment.count({
    where: {
      patientId,
      status: { in: [...ACTIVE_STATUSES] },
      ...(excludeAppointmentId ? { id: { not: excludeAppointmentId } } : {}),
    },
  });
  return previous > 0;
}

/** For the desk, which may know who is a patient: refuses a new-patients-only service to a returning one. */
export async function assertEligible(tx: Prisma.TransactionClient, service: Service, patientId: string, excludeAppointmentId?: string) {
  if (await isReturningPatientFor(tx, service, patientId, excludeAppointmentId)) {
    throw new AppError("NOT_ELIGIBLE", `${service.nameEn} is for new patients. As you have been seen before, please book a therapy session.`);
  }
}

/** Maps a lost race at the database to the error the patient should see. */
export async function raceError(error: unknown, retry: () => Promise<SlotDto[]>): Promise<never> {
  if (error instanceof AppError) {
    if (error.code === "SLOT_TAKEN" && !error.alternatives) throw new AppError(error.code, error.message, { alternatives: await retry() });
    throw error;
  }
  const constraint = violatedConstraint(error);
  if (constraint === "Appointment_patient_no_overlap") {
    throw new AppError("PATIENT_BUSY", "You already have a visit booked at that time. Please choose another time.", {
      alternatives: await retry(),
    });
  }
  if (constraint === "Appointment_therapist_no_overlap" || constraint === "Appointment_room_capacity") {
    throw new AppError("SLOT_TAKEN", SLOT_TAKEN_MESSAGE, { alternatives: await retry() });
  }
  throw error;
}

function visitAddress(input: CreateBookingInput, mode: VisitMode) {
  const a = mode === "HOME" ? input.patient.address : undefined;
  return {
    visitAddressLine1: a?.line1 ?? null,
    visitAddressLine2: a?.line2 || null,
    visitCity: a?.city ?? null,
    visitPostalCode: a?.postalCode ?? null,
  };
}

/**
 * Books a visit for a patient without an account. The engine is asked first
 * for a friendly answer; the exclusion constraints decide any race.
 */
export async function createBooking(input: CreateBookingInput, ctx: RequestContext): Promise<BookingCreatedDto> {
  const form = formKeyOf(input);
  if (!form) return bookOnce(input, ctx, null);
  const earlier = await replayBooking(form, ctx);
  if (earlier) return earlier.booking;
  try {
    return await bookOnce(input, ctx, form);
  } catch (error) {
    // A re-submit that raced the first request loses wherever it is (the
    // slot check sees the time taken, or the unique key refuses the row):
    // answer with the booking the first request made.
    const replay = await replayBooking(form, ctx);
    if (replay) return replay.booking;
    throw error;
  }
}

function formKeyOf(input: CreateBookingInput): FormKey | null {
  if (!input.idempotencyKey) return null;
  return { key: input.idempotencyKey, keyHash: hashIdempotencyKey(input.idempotencyKey), bodyHash: hashBookingBody(input) };
}

/** What a booking form sent before made: a visit, or a time held while the patient pays. */
export interface FormReplay {
  booking: BookingCreatedDto;
  status: Appointment["status"];
  holdExpiresAt: Date | null;
  checkoutSessionId: string | null;
  timeZone: string;
}

/**
 * The row an earlier submission of the same form (same key, same body) made,
 * or null when the form was never sent. The same key with another body, or a
 * key past its replay window, is refused as a used form.
 */
export async function replayForm(input: CreateBookingInput, ctx: RequestContext): Promise<FormReplay | null> {
  const form = formKeyOf(input);
  return form ? replayBooking(form, ctx) : null;
}

/** A booking form's idempotency key, its hash and the hash of the request it came with. */
interface FormKey {
  key: string;
  keyHash: string;
  bodyHash: string;
}

/** An online booking written as a hold: the time is kept until `expiresAt` while the patient pays, and nobody is told yet. */
export interface HoldTerms {
  expiresAt: Date;
}

/**
 * The booking form's own path (the same checks of the service, location, time
 * and patient, and the same answers to a lost race), writing a HELD row that
 * keeps the time until `hold.expiresAt` and queueing no confirmation. A held
 * time keeps the form's key, so that the same form sent again while the
 * patient pays finds this hold (replayForm) instead of holding a second time.
 */
export function holdOnlineBooking(input: CreateBookingInput, ctx: RequestContext, hold: HoldTerms): Promise<BookingCreatedDto> {
  return bookOnce(input, ctx, formKeyOf(input), hold);
}

async function bookOnce(input: CreateBookingInput, ctx: RequestContext, form: FormKey | null, hold: HoldTerms | null = null): Promise<BookingCreatedDto> {
  const prisma = getPrisma();

  const service = await findService(input.service);
  const mode = resolveMode(service, input.mode);
  const [location] = await resolveLocations(input.locationId, mode, input.patient.address?.postalCode);
  if (!location) throw new AppError("NOT_FOUND", "That location does not exist or is closed.");
  const start = Date.parse(input.start);
  // A code that cannot pay for this visit is refused before the time is looked at.
  const packageCode = hold ? undefined : input.packageCode;
  if (packageCode) await packageCoverFor(prisma, packageCode, service.id, ctx.now);
  const slot = await requireSlot({ service, mode, location, start, therapistId: input.therapistId, now: ctx.now, language: input.language });

  const range = blockedRangeFor(slot.start, { ...service, mode, travelMinutes: location.homeTravelMinutes });
  const token = createManageToken();
  const language = input.language ?? "en";
  const reason = input.reason?.trim() || null;

  try {
    const appointment = await prisma.$transaction(async (tx) => {
      await confirmSlotUnderLock(tx, { therapistId: slot.therapistId, location, service, mode, start: slot.start, now: ctx.now, postalCode: input.patient.address?.postalCode });
      const patientId = await upsertPatient(tx, input.patient, language);
      // Refusing here would tell whoever typed these details that this person
      // has been seen before; the visit is booked and the clinic follows up.
      const eligibilityFollowUp = await isReturningPatientFor(tx, service, patientId);
      // A reason the practice retired since the page was loaded books the
      // visit all the same, with its words and without the slug.
      const reasonSlug = input.reasonSlug ? ((await tx.visitReason.findFirst({ where: { slug: input.reasonSlug, active: true }, select: { slug: true } }))?.slug ?? null) : null;
      const roomId = mode === "CLINIC" ? await chooseRoom(tx, location.id, range) : null;
      const created = await tx.appointment.create({
        data: {
          patientId,
          therapistId: slot.therapistId,
          serviceId: service.id,
          locationId: location.id,
          roomId,
          mode,
          ...rangeColumns(range),
          ...(hold ? { status: "HELD" as const, holdExpiresAt: hold.expiresAt } : {}),
          source: "ONLINE",
          language,
          reasonText: reason,
          reasonSlug,
          patientFirstName: input.patient.firstName,
          patientLastName: input.patient.lastName,
          eligibilityFollowUp,
          ...visitAddress(input, mode),
          ...linkHashes(token),
          manageTokenExpiresAt: tokenExpiry(range.end),
          ...(form
            ? {
                idempotencyKeyHash: form.keyHash,
                idempotencyBodyHash: form.bodyHash,
                idempotencyExpiresAt: new Date(ctx.now.getTime() + REPLAY_WINDOW_MS),
                sealedManageToken: sealManageToken(token, form.key, form.bodyHash),
              }
            : {}),
        },
      });
      await recordAudit(tx, {
        actor: ONLINE_ACTOR,
        action: hold ? "appointment.hold" : "appointment.create",
        entity: "Appointment",
        entityId: created.id,
        patientId,
        ipAddress: ctx.ipAddress,
        detail: {
          start: formatInstantWithOffset(range.start, location.timeZone),
          therapistId: slot.therapistId,
          mode,
          ...(hold ? { holdExpiresAt: hold.expiresAt.toISOString() } : {}),
          ...(eligibilityFollowUp ? { eligibilityFollowUp: "A returning patient booked a service for new patients." } : {}),
        },
      });
      // A hold is not a visit yet: its confirmation goes when it is paid for and booked.
      if (hold) {
        // Its end is scheduled with it: the checkout it is paid through is closed then.
        await scheduleHoldExpiry(tx, created.id, hold.expiresAt);
        return created;
      }
      if (packageCode) await debitPackageVisit(tx, { code: packageCode, serviceId: service.id, patientId, appointmentId: created.id, now: ctx.now });
      await queueVisitEmail(tx, { kind: "confirmation", appointmentId: created.id, dedupeKey: `confirmation:${created.id}`, sendAfter: ctx.now });
      await queueBookedNotices(tx, { appointmentId: created.id, revision: created.revision, before: null, after: { therapistId: created.therapistId, start: created.startsAt } }, ctx.now);
      return created;
    }, TX_OPTIONS);
    return {
      id: appointment.id,
      start: formatInstantWithOffset(range.start, location.timeZone),
      end: formatInstantWithOffset(range.end, location.timeZone),
      therapistId: appointment.therapistId,
      manageUrl: manageUrl(token, language),
      manageToken: token,
      joinUrl: joinUrlFor(mode, token),
    };
  } catch (error) {
    return patientRaceError(error, start, () => alternativesNear(start, { service, mode, location, therapistId: input.therapistId, now: ctx.now }));
  }
}

/**
 * The race answer for the patient's own pages. A clash with another visit of
 * the same patient is not named: whoever is at the form may not be that
 * patient (a name, an email and a birth date are enough to match one), and
 * "you already have a visit then" would tell them this person is a patient
 * and when they are busy. It answers exactly as a taken time does, and the
 * same time is not offered back.
 */
async function patientRaceError(error: unknown, start: number, retry: () => Promise<SlotDto[]>): Promise<never> {
  if (violatedConstraint(error) === "Appointment_patient_no_overlap") {
    throw new AppError("SLOT_TAKEN", SLOT_TAKEN_MESSAGE, { alternatives: (await retry()).filter((a) => Date.parse(a.start) !== start) });
  }
  return raceError(error, retry);
}

/**
 * Picks a room with space for the visit. The location's rooms are locked
 * first, so two bookings at the same time cannot both take the last place;
 * runs inside the booking's transaction and sees its own earlier writes
 * (a reschedule's released row no longer counts).
 */
export async function chooseRoom(
  tx: Prisma.TransactionClient,
  locationId: string,
  range: { start: number; end: number },
  excludeAppointmentId: string | null = null,
): Promise<string | null> {
  const rooms = await tx.$queryRaw<{ id: string; capacity: number }[]>`
    SELECT "id", "capacity" FROM "Room" WHERE "locationId" = ${locationId}::uuid AND "active" ORDER BY "id" FOR UPDATE`;
  if (rooms.length === 0) {
    // No rooms on record: the location books by therapist alone. Rooms all closed: no clinic visits.
    const closed = await tx.room.count({ where: { locationId } });
    if (closed === 0) return null;
    throw new AppError("SLOT_UNAVAILABLE", "No treatment room is open at this location now. Please choose another location or a home or video visit.");
  }
  const busy = await tx.$queryRaw<{ roomId: string; start: number; end: number }[]>`
    SELECT "roomId"::text AS "roomId",
           (extract(epoch FROM "startsAt") * 1000)::float8 AS "start",
           (extract(epoch FROM "endsAt") * 1000)::float8 AS "end"
      FROM "Appointment"
     WHERE "roomId" = ANY(${rooms.map((r) => r.id)}::uuid[])
       -- A hold past its expiry is lapsed by the insert that overlaps it (the
       -- Appointment_lapse_holds trigger, on the database's clock): free here too.
       AND ("status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED') OR ("status" = 'HELD' AND "holdExpiresAt" > clock_timestamp()))
       AND "startsAt" < ${new Date(range.end)} AND "endsAt" > ${new Date(range.start)}
       AND (${excludeAppointmentId}::uuid IS NULL OR "id" <> ${excludeAppointmentId}::uuid)`;
  const loads = rooms.map((r) => ({ roomId: r.id, capacity: r.capacity, busy: busy.filter((b) => b.roomId === r.id) }));
  const roomId = pickRoom(loads, range);
  if (!roomId) throw new AppError("SLOT_TAKEN", "Sorry, every treatment room is in use at that time. Please choose another time.");
  return roomId;
}

/**
 * A form sent twice books once: the identical request with the same key,
 * within 24 hours, answers with the first booking and the same manage link,
 * changing nothing. Any other request with that key is refused, so a key seen
 * in transit or guessed gives nothing away and cannot touch the booking.
 */
async function replayBooking(form: FormKey, ctx: RequestContext): Promise<FormReplay | null> {
  const prisma = getPrisma();
  const existing = await prisma.appointment.findUnique({ where: { idempotencyKeyHash: form.keyHash } });
  if (!existing) return null;
  const used = new AppError(
    "FORM_ALREADY_USED",
    "This booking form was already used to book a visit. Nothing was changed. To book another visit, reload the page and start again.",
  );
  const live = existing.idempotencyExpiresAt !== null && existing.idempotencyExpiresAt.getTime() > ctx.now.getTime();
  if (!live || existing.idempotencyBodyHash !== form.bodyHash || !existing.sealedManageToken) throw used;
  const token = openManageToken(existing.sealedManageToken, form.key, form.bodyHash);
  if (!token) throw used;
  // A reschedule moves the link to the new visit: answer with the visit it opens now.
  const current = await prisma.appointment.findUnique({ where: { manageTokenHash: hashManageToken(token) }, include: { location: true } });
  if (!current) throw used;
  await recordAudit(prisma, {
    actor: ONLINE_ACTOR,
    action: "appointment.replay",
    entity: "Appointment",
    entityId: current.id,
    patientId: current.patientId,
    ipAddress: ctx.ipAddress,
  });
  return {
    booking: {
      id: current.id,
      start: formatInstantWithOffset(current.startsAt.getTime(), current.location.timeZone),
      end: formatInstantWithOffset(current.endsAt.getTime(), current.location.timeZone),
      therapistId: current.therapistId,
      manageUrl: manageUrl(token, current.language),
      manageToken: token,
      joinUrl: joinUrlFor(current.mode, token),
    },
    status: current.status,
    holdExpiresAt: current.holdExpiresAt,
    checkoutSessionId: current.checkoutSessionId,
    timeZone: current.location.timeZone,
  };
}

async function findByToken(token: string, now: Date): Promise<FullAppointment> {
  const notFound = new AppError("NOT_FOUND", "This booking link is not valid or has expired. Please call the clinic if you need help.");
  if (!looksLikeManageToken(token)) throw notFound;
  const prisma = getPrisma();
  const hash = hashManageToken(token);
  // The link from the confirmation page is the visit's own; a link a message carried resolves through its booking.
  let appointment = await prisma.appointment.findUnique({ where: { manageTokenHash: hash }, include: FULL });
  if (!appointment) {
    const id = await appointmentIdForLink(prisma, hash, "MANAGE");
    appointment = id ? await prisma.appointment.findUnique({ where: { id }, include: FULL }) : null;
  }
  // A held or lapsed time is not a visit: its link opens nothing until it is paid for and booked.
  if (!appointment || !isVisitStatus(appointment.status) || appointment.manageTokenExpiresAt.getTime() <= now.getTime()) throw notFound;
  return appointment;
}

function changeDeadline(a: FullAppointment): number {
  return serviceChangeDeadline(a.startsAt.getTime(), a.service.cancelCutoffMinutes);
}

function assertChangeable(a: FullAppointment, now: Date) {
  if (a.status === "CANCELLED") throw new AppError("ALREADY_CANCELLED", "This visit is already cancelled.");
  if (a.status !== "BOOKED" || now.getTime() >= changeDeadline(a)) {
    const phone = a.location.phone ? ` at ${a.location.phone}` : "";
    throw new AppError("TOO_LATE_TO_CHANGE", `This visit can no longer be changed online. Please call the clinic${phone}.`);
  }
}

export function toBookingDto(a: FullAppointment, token: string, now: Date): BookingDto {
  const zone = a.location.timeZone;
  return {
    id: a.id,
    status: visitStatusOf(a.status),
    start: formatInstantWithOffset(a.startsAt.getTime(), zone),
    end: formatInstantWithOffset(a.endsAt.getTime(), zone),
    timeZone: zone,
    mode: a.mode,
    language: a.language,
    reason: a.reasonText,
    service: {
      id: a.service.id,
      slug: a.service.slug,
      name: { en: a.service.nameEn, es: a.service.nameEs },
      durationMinutes: a.service.durationMinutes,
      // The price today: no price is stored with a visit, and online payment does not exist.
      priceCents: a.service.priceCents,
      currency: a.service.currency,
      cancelCutoffMinutes: a.service.cancelCutoffMinutes,
    },
    therapist: { id: a.therapist.id, firstName: a.therapist.firstName, lastName: a.therapist.lastName, credentials: a.therapist.credentials },
    location: toLocationDto(a.location),
    // The name this visit was booked under, never the matched record's.
    patient: { firstName: a.patientFirstName ?? a.patient.firstName, lastName: a.patientLastName ?? a.patient.lastName },
    visitAddress:
      a.mode === "HOME" && a.visitAddressLine1 && a.visitPostalCode
        ? { line1: a.visitAddressLine1, line2: a.visitAddressLine2, city: a.visitCity, postalCode: a.visitPostalCode }
        : null,
    canChange: a.status === "BOOKED" && now.getTime() < changeDeadline(a),
    changeDeadline: formatInstantWithOffset(changeDeadline(a), zone),
    cancellationReason: a.cancellationReason,
    manageUrl: manageUrl(token, a.language),
    joinUrl: joinUrlFor(a.mode, token),
  };
}

/** The booking behind a manage link; the read is logged like any read of patient data. */
export async function openBooking(token: string, ctx: RequestContext): Promise<{ dto: BookingDto; appointment: FullAppointment }> {
  const appointment = await findByToken(token, ctx.now);
  await recordAudit(getPrisma(), {
    actor: PATIENT_ACTOR,
    action: "appointment.view",
    entity: "Appointment",
    entityId: appointment.id,
    patientId: appointment.patientId,
    ipAddress: ctx.ipAddress,
  });
  return { dto: toBookingDto(appointment, token, ctx.now), appointment };
}

/**
 * Moves a visit: the old row is cancelled and the new one written in one
 * transaction, so the old time is freed exactly when the new one is taken.
 * The patient's link moves with it.
 */
export async function rescheduleBooking(token: string, input: RescheduleBookingInput, ctx: RequestContext): Promise<BookingDto> {
  const old = await findByToken(token, ctx.now);
  assertChangeable(old, ctx.now);
  const start = Date.parse(input.start);
  const base = { service: old.service, mode: old.mode, location: old.location, start, now: ctx.now, excludeAppointmentId: old.id };

  // Keep the same therapist when they are free, unless the patient asked for another.
  let slot: Slot;
  if (input.therapistId) slot = await requireSlot({ ...base, therapistId: input.therapistId });
  else {
    slot = await requireSlot({ ...base, therapistId: old.therapistId }).catch(async (error: unknown) => {
      if (error instanceof AppError && (error.code === "SLOT_TAKEN" || error.code === "SLOT_UNAVAILABLE")) return requireSlot(base);
      throw error;
    });
  }
  // The same request again (a double click, a retried request) finds the
  // visit already there: nothing changes and no second notice is queued.
  if (slot.start === old.startsAt.getTime() && slot.therapistId === old.therapistId) return toBookingDto(old, token, ctx.now);
  const range = blockedRangeFor(slot.start, { ...old.service, mode: old.mode, travelMinutes: old.location.homeTravelMinutes });

  try {
    const moved = await getPrisma().$transaction(async (tx) => {
      const released = await tx.appointment.updateMany({
        where: { id: old.id, status: "BOOKED" },
        data: {
          status: "CANCELLED",
          cancelledAt: ctx.now,
          cancellationReason: "Rescheduled by the patient",
          manageTokenHash: hashManageToken(randomBytes(32).toString("base64url")),
          videoJoinTokenHash: null,
        },
      });
      if (released.count !== 1) throw new AppError("ALREADY_CANCELLED", "This visit was changed a moment ago. Please reload the page.");
      await confirmSlotUnderLock(tx, {
        therapistId: slot.therapistId,
        location: old.location,
        service: old.service,
        mode: old.mode,
        start: slot.start,
        now: ctx.now,
        postalCode: old.visitPostalCode,
      });
      const roomId = old.mode === "CLINIC" ? await chooseRoom(tx, old.locationId, range) : null;
      const created = await tx.appointment.create({
        data: {
          patientId: old.patientId,
          therapistId: slot.therapistId,
          serviceId: old.serviceId,
          locationId: old.locationId,
          roomId,
          mode: old.mode,
          ...rangeColumns(range),
          source: old.source,
          language: old.language,
          reasonSlug: old.reasonSlug,
          reasonText: old.reasonText,
          patientFirstName: old.patientFirstName,
          patientLastName: old.patientLastName,
          eligibilityFollowUp: old.eligibilityFollowUp,
          visitAddressLine1: old.visitAddressLine1,
          visitAddressLine2: old.visitAddressLine2,
          visitCity: old.visitCity,
          visitPostalCode: old.visitPostalCode,
          // The visit's own links move with it, whichever link the patient used to move it.
          manageTokenHash: old.manageTokenHash,
          videoJoinTokenHash: old.videoJoinTokenHash,
          manageTokenExpiresAt: tokenExpiry(range.end),
          rescheduledFromId: old.id,
          bookingId: old.bookingId,
          revision: old.revision + 1,
          // The payment stays with the booking (its ledger follows bookingId); the card saved for its fees moves with it.
          paymentMethodId: old.paymentMethodId,
          stripeCustomerId: old.stripeCustomerId,
          carePlanId: old.carePlanId,
        },
        include: FULL,
      });
      await recordAudit(tx, {
        actor: PATIENT_ACTOR,
        action: "appointment.reschedule",
        entity: "Appointment",
        entityId: created.id,
        patientId: old.patientId,
        ipAddress: ctx.ipAddress,
        detail: { from: old.id, previousStart: old.startsAt.toISOString(), start: created.startsAt.toISOString() },
      });
      // The notice is about the new row: the old one is cancelled and its own messages are skipped.
      await queueRescheduledNotices(
        tx,
        { appointmentId: created.id, revision: created.revision, before: { therapistId: old.therapistId, start: old.startsAt }, after: { therapistId: created.therapistId, start: created.startsAt } },
        ctx.now,
      );
      return created;
    }, TX_OPTIONS);
    return toBookingDto(moved, token, ctx.now);
  } catch (error) {
    return patientRaceError(error, start, () =>
      alternativesNear(start, { service: old.service, mode: old.mode, location: old.location, now: ctx.now, excludeAppointmentId: old.id }),
    );
  }
}

export async function cancelBooking(token: string, input: CancelBookingInput, ctx: RequestContext): Promise<BookingDto> {
  const appointment = await findByToken(token, ctx.now);
  assertChangeable(appointment, ctx.now);
  const cancelled = await getPrisma().$transaction(async (tx) => {
    // What the policy gives back, decided at this instant and kept: the refund runs later, but is not decided again.
    const money = await bookingMoney(appointment.bookingId, tx);
    const outcome = cancellationMoney(await findFeePolicy(tx), { money, paymentRule: appointment.service.paymentRule, startsAt: appointment.startsAt, cancelledAt: ctx.now });
    const paid = money.paidCents > 0;
    // Conditional on the status so two clicks (or a desk and a patient) cancel once.
    const result = await tx.appointment.updateMany({
      where: { id: appointment.id, status: "BOOKED" },
      data: {
        status: "CANCELLED",
        cancelledAt: ctx.now,
        cancellationReason: input.reason?.trim() || PATIENT_CANCELLED_REASON,
        revision: { increment: 1 },
        cancelRefundCents: paid ? outcome.refundCents : null,
        cancelKeptCents: paid ? outcome.keptCents : null,
      },
    });
    if (result.count !== 1) throw new AppError("ALREADY_CANCELLED", "This visit is already cancelled.");
    if (outcome.refundCents > 0 && isOnlinePaymentOn()) {
      await enqueueCancelRefund(tx, { appointmentId: appointment.id, bookingId: appointment.bookingId, refundCents: outcome.refundCents });
    }
    await restorePackageVisit(tx, appointment.id, ctx.now);
    await recordAudit(tx, {
      actor: PATIENT_ACTOR,
      action: "appointment.cancel",
      entity: "Appointment",
      entityId: appointment.id,
      patientId: appointment.patientId,
      ipAddress: ctx.ipAddress,
      detail: { reason: input.reason ?? null, ...(paid ? { refundCents: outcome.refundCents, keptCents: outcome.keptCents } : {}) },
    });
    const row = await tx.appointment.findUniqueOrThrow({ where: { id: appointment.id }, include: FULL });
    await queueCancelledNotices(tx, { appointmentId: row.id, revision: row.revision, before: null, after: { therapistId: row.therapistId, start: row.startsAt } }, ctx.now);
    return row;
  }, TX_OPTIONS);
  return toBookingDto(cancelled, token, ctx.now);
}
