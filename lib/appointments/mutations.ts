import type { RequestContext } from "../http/request-context";
import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { resolveLocations, resolveMode } from "../booking/data";
import { createManageToken } from "../booking/manage-token";
import { confirmSlotUnderLock } from "../booking/confirm-slot";
import { alternativesNear, assertEligible, chooseRoom, joinUrlFor, linkHashes, manageUrl, raceError, rangeColumns, requireSlot, tokenExpiry, upsertPatient } from "../booking/mutations";
import type { HomeAddress } from "../booking/schema";
import type { Patient } from "../db/generated/client";
import { getPrisma } from "../db/client";
import { queueVisitEmail } from "../messages/mutations";
import { queueBookedNotices, queueCancelledNotices, queueRescheduledNotices } from "../messages/visit-changes";
import { violatedConstraint } from "../db/errors";
import { restorePackageVisit } from "../packages/mutations";
import { AppError } from "../errors/app-error";
import { blockedRangeFor } from "../scheduling/blocked-range";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import { assertMayHandleAppointment } from "./access";
import type { BookForCallerInput, MoveAppointmentInput } from "./schema";
import { checkTransition, type StatusAction } from "./status";

// Staff writes go through the same engine, the same room lock and the same
// database constraints as online booking. One difference, on purpose: the
// minimum notice is a promise to online patients, not a limit for a desk
// booking someone standing at the counter.

const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

function assertDesk(staff: StaffMember) {
  if (staff.role !== "ADMIN" && staff.role !== "FRONT_DESK") throw new AppError("FORBIDDEN", "Only the front desk and administrators change the calendar.");
}

export type StaffRequestContext = RequestContext;

export interface StatusChange {
  appointmentId: string;
  action: StatusAction;
  /** Required to cancel. */
  reason?: string;
  /** The updatedAt the screen showed; a newer row means someone else changed it (409 STALE). */
  expectedUpdatedAt?: Date;
}

/**
 * Check in, complete, no-show or cancel one visit, or take a check-in or a
 * no-show back to booked, for staff, audited.
 */
export async function changeAppointmentStatus(staff: StaffMember, change: StatusChange, ctx: StaffRequestContext) {
  if (change.action === "cancel" && !change.reason?.trim()) {
    throw new AppError("VALIDATION_FAILED", "Say why the visit is cancelled.", { fields: { reason: "Say why the visit is cancelled." } });
  }
  try {
    return await getPrisma().$transaction(async (tx) => {
      // Locks the row so two desks clicking at once change it once.
      const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Appointment" WHERE "id" = ${change.appointmentId}::uuid FOR UPDATE`;
      if (rows.length === 0) throw new AppError("NOT_FOUND", "No such appointment.");
      const appointment = await tx.appointment.findUniqueOrThrow({ where: { id: change.appointmentId }, include: { location: { select: { timeZone: true } } } });
      assertMayHandleAppointment(staff, appointment);
      if (change.expectedUpdatedAt && appointment.updatedAt.getTime() !== change.expectedUpdatedAt.getTime()) {
        throw new AppError("STALE", "Someone else changed this visit a moment ago. The calendar shows it as it is now.");
      }
      const check = checkTransition(change.action, appointment.status, appointment.startsAt, ctx.now, appointment.location.timeZone);
      if (!check.ok) throw new AppError("INVALID_TRANSITION", check.reason);

      // Taking a no-show back makes the visit hold its time again: if that
      // time has been given to someone else since, the exclusion constraints
      // refuse the UPDATE and the catch below explains it.
      const updated = await tx.appointment.update({
        where: { id: appointment.id },
        data: {
          status: check.to,
          ...(change.action === "check-in" ? { checkedInAt: ctx.now } : {}),
          ...(change.action === "undo-check-in" ? { checkedInAt: null } : {}),
          ...(change.action === "complete" ? { completedAt: ctx.now } : {}),
          ...(change.action === "cancel" ? { cancelledAt: ctx.now, cancellationReason: change.reason!.trim(), revision: { increment: 1 } } : {}),
        },
      });
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: `appointment.${change.action}`,
        entity: "Appointment",
        entityId: appointment.id,
        patientId: appointment.patientId,
        ipAddress: ctx.ipAddress,
        detail: { from: appointment.status, to: check.to, ...(change.reason ? { reason: change.reason } : {}) },
      });
      // The staff's reason stays inside the clinic: the patient's notice only says the clinic cancelled.
      if (change.action === "cancel") {
        await restorePackageVisit(tx, updated.id, ctx.now, staff.id);
        await queueCancelledNotices(tx, { appointmentId: updated.id, revision: updated.revision, before: null, after: { therapistId: updated.therapistId, start: updated.startsAt } }, ctx.now, staff.id);
      }
      return updated;
    });
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (constraint === "Appointment_patient_no_overlap") {
      throw new AppError("PATIENT_BUSY", "This no-show cannot be undone: the patient has another visit booked at that time since.");
    }
    if (constraint === "Appointment_therapist_no_overlap" || constraint === "Appointment_room_capacity") {
      throw new AppError("SLOT_TAKEN", "This no-show cannot be undone: its time has been given to another visit since. Book the patient a new time instead.");
    }
    throw error;
  }
}

/**
 * Moves a visit to another time and/or therapist, in place: the row keeps its
 * id (and the patient's link), the old time is freed by the same UPDATE.
 */
export async function moveAppointment(staff: StaffMember, appointmentId: string, input: MoveAppointmentInput, ctx: StaffRequestContext) {
  assertDesk(staff);
  const prisma = getPrisma();
  const current = await prisma.appointment.findUnique({ where: { id: appointmentId }, include: { service: true, location: true } });
  if (!current) throw new AppError("NOT_FOUND", "No such appointment.");
  if (current.status !== "BOOKED") throw new AppError("INVALID_TRANSITION", "Only booked visits can be moved; this one is " + current.status.toLowerCase().replace("_", " ") + ".");
  if (input.expectedUpdatedAt && current.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) {
    throw new AppError("STALE", "Someone else changed this visit a moment ago. The calendar shows it as it is now.");
  }
  const start = Date.parse(input.start);
  const base = { service: current.service, mode: current.mode, location: current.location, now: ctx.now, excludeAppointmentId: current.id, ignoreNotice: true };
  const slot = await requireSlot({ ...base, start, therapistId: input.therapistId });
  // The same move again (a retried request) finds the visit already there: nothing changes, nobody is told twice.
  if (slot.start === current.startsAt.getTime() && slot.therapistId === current.therapistId) return current;
  const range = blockedRangeFor(slot.start, { ...current.service, mode: current.mode, travelMinutes: current.location.homeTravelMinutes });

  try {
    return await prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ updatedAt: Date; status: string }[]>`
        SELECT "updatedAt", "status"::text AS "status" FROM "Appointment" WHERE "id" = ${current.id}::uuid FOR UPDATE`;
      if (locked[0]?.status !== "BOOKED" || locked[0].updatedAt.getTime() !== current.updatedAt.getTime()) {
        throw new AppError("STALE", "Someone else changed this visit a moment ago. The calendar shows it as it is now.");
      }
      await confirmSlotUnderLock(tx, {
        therapistId: slot.therapistId,
        location: current.location,
        service: current.service,
        mode: current.mode,
        start: slot.start,
        now: ctx.now,
        ignoreNotice: true,
        postalCode: current.visitPostalCode,
      });
      const roomId = current.mode === "CLINIC" ? await chooseRoom(tx, current.locationId, range, current.id) : null;
      const moved = await tx.appointment.update({
        where: { id: current.id },
        data: {
          therapistId: slot.therapistId,
          ...rangeColumns(range),
          roomId,
          manageTokenExpiresAt: tokenExpiry(range.end),
          revision: { increment: 1 },
        },
      });
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: "appointment.move",
        entity: "Appointment",
        entityId: current.id,
        patientId: current.patientId,
        ipAddress: ctx.ipAddress,
        detail: {
          from: { start: current.startsAt.toISOString(), therapistId: current.therapistId },
          to: { start: moved.startsAt.toISOString(), therapistId: moved.therapistId },
        },
      });
      await queueRescheduledNotices(
        tx,
        { appointmentId: moved.id, revision: moved.revision, before: { therapistId: current.therapistId, start: current.startsAt }, after: { therapistId: moved.therapistId, start: moved.startsAt } },
        ctx.now,
        staff.id,
      );
      return moved;
    }, TX_OPTIONS);
  } catch (error) {
    return raceError(error, () => alternativesNear(start, { ...base, therapistId: input.therapistId }));
  }
}

/** The address a home visit goes to: typed for this visit, given with a new patient, or on file. */
function homeAddressFor(input: BookForCallerInput, onFile: Patient | null): HomeAddress | null {
  const typed = input.visitAddress ?? input.newPatient?.address;
  if (typed) return typed;
  if (onFile?.addressLine1 && onFile.city && onFile.postalCode) {
    return { line1: onFile.addressLine1, line2: onFile.addressLine2 ?? undefined, city: onFile.city, postalCode: onFile.postalCode };
  }
  return null;
}

const NO_REASON = "Choose a reason for the visit from the list: that one is not offered.";
const NO_PLAN = "That plan of care is not an active plan of this patient's: book the visit without it, or choose the plan's patient.";

const NO_ADDRESS = "A home visit needs the address where the patient is to be visited: enter it, or choose a clinic or video visit.";

/**
 * Books a phone caller or a walk-in, for an existing patient or a new one, in
 * any mode the service and therapist offer. Returns the freshly issued manage
 * token (only its hash is stored) so the desk can pass the links on once.
 */
export async function bookForCaller(staff: StaffMember, input: BookForCallerInput, ctx: StaffRequestContext) {
  assertDesk(staff);
  const prisma = getPrisma();
  const service = await prisma.service.findFirst({ where: { id: input.serviceId, active: true } });
  if (!service) throw new AppError("NOT_FOUND", "That service is not offered.");
  const mode = resolveMode(service, input.mode);
  const existing = input.patientId ? await prisma.patient.findUnique({ where: { id: input.patientId } }) : null;
  if (input.patientId && !existing) throw new AppError("NOT_FOUND", "No such patient.");
  const address = mode === "HOME" ? homeAddressFor(input, existing) : null;
  if (mode === "HOME" && !address) {
    throw new AppError("VALIDATION_FAILED", NO_ADDRESS, { fields: { [input.patientId ? "visitAddress" : "newPatient.address"]: NO_ADDRESS } });
  }
  const [location] = await resolveLocations(input.locationId, mode, address?.postalCode);
  if (!location) throw new AppError("NOT_FOUND", "That location does not exist or is closed.");
  const start = Date.parse(input.start);
  const base = { service, mode, location, now: ctx.now, ignoreNotice: true, language: input.language ?? existing?.preferredLanguage };
  const slot = await requireSlot({ ...base, start, therapistId: input.therapistId });
  const range = blockedRangeFor(slot.start, { ...service, mode, travelMinutes: location.homeTravelMinutes });
  const token = createManageToken();

  try {
    const created = await prisma.$transaction(async (tx) => {
      const patientId = input.patientId ?? (await upsertPatient(tx, input.newPatient!, input.language ?? "en"));
      const patient = await tx.patient.findUniqueOrThrow({ where: { id: patientId } });
      await confirmSlotUnderLock(tx, { therapistId: slot.therapistId, location, service, mode, start: slot.start, now: ctx.now, ignoreNotice: true, postalCode: address?.postalCode ?? null });
      await assertEligible(tx, service, patientId);
      if (input.carePlanId && !(await tx.carePlan.findFirst({ where: { id: input.carePlanId, patientId, status: "ACTIVE" }, select: { id: true } }))) {
        throw new AppError("VALIDATION_FAILED", NO_PLAN, { fields: { carePlanId: NO_PLAN } });
      }
      if (input.reasonSlug && !(await tx.visitReason.findFirst({ where: { slug: input.reasonSlug, active: true }, select: { id: true } }))) {
        throw new AppError("VALIDATION_FAILED", NO_REASON, { fields: { reasonSlug: NO_REASON } });
      }
      const roomId = mode === "CLINIC" ? await chooseRoom(tx, location.id, range) : null;
      const appointment = await tx.appointment.create({
        data: {
          patientId,
          therapistId: slot.therapistId,
          serviceId: service.id,
          locationId: location.id,
          roomId,
          mode,
          ...rangeColumns(range),
          source: "STAFF",
          carePlanId: input.carePlanId ?? null,
          language: input.language ?? patient.preferredLanguage,
          reasonText: input.reason?.trim() || null,
          reasonSlug: input.reasonSlug ?? null,
          patientFirstName: input.newPatient?.firstName ?? patient.firstName,
          patientLastName: input.newPatient?.lastName ?? patient.lastName,
          ...(address
            ? { visitAddressLine1: address.line1, visitAddressLine2: address.line2 || null, visitCity: address.city, visitPostalCode: address.postalCode }
            : {}),
          ...linkHashes(token),
          manageTokenExpiresAt: tokenExpiry(range.end),
        },
      });
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: "appointment.create",
        entity: "Appointment",
        entityId: appointment.id,
        patientId,
        ipAddress: ctx.ipAddress,
        detail: { start: formatInstantWithOffset(range.start, location.timeZone), therapistId: slot.therapistId, mode, source: "STAFF" },
      });
      await queueVisitEmail(tx, { kind: "confirmation", appointmentId: appointment.id, dedupeKey: `confirmation:${appointment.id}`, sendAfter: ctx.now, requestedById: staff.id });
      await queueBookedNotices(tx, { appointmentId: appointment.id, revision: appointment.revision, before: null, after: { therapistId: appointment.therapistId, start: appointment.startsAt } }, ctx.now, staff.id);
      return appointment;
    }, TX_OPTIONS);
    return { appointment: created, manageToken: token, manageUrl: manageUrl(token, created.language), joinUrl: joinUrlFor(mode, token) };
  } catch (error) {
    return raceError(error, () => alternativesNear(start, { ...base, therapistId: input.therapistId }));
  }
}
