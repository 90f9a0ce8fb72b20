import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { confirmSlotUnderLock } from "../booking/confirm-slot";
import { toSlotDto } from "../booking/data";
import { createManageToken } from "../booking/manage-token";
import { assertEligible, chooseRoom, linkHashes, manageUrl, rangeColumns, tokenExpiry } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { violatedConstraint } from "../db/errors";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { queueVisitEmail } from "../messages/mutations";
import { queueBookedNotices } from "../messages/visit-changes";
import { blockedRangeFor } from "../scheduling/blocked-range";
import { findOpenSlots } from "../scheduling/find-open-slots";
import { addDays, alternativesForOccurrence, planLastDate } from "../scheduling/plan-occurrences";
import { formatInstantWithOffset, localDateOf } from "../scheduling/zone-time";
import { loadPlanAvailability, resolvePlan, type PlanContext } from "./data";
import type { BookCarePlanInput } from "./schema";

// Booking a plan of care: the plan and every accepted visit in one
// transaction, each visit through the same lock and checks as a desk
// booking, so a series is all booked or not at all.

const TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;

interface AcceptedVisit {
  /** Position in the request, as the form listed it. */
  index: number;
  start: number;
  therapistId: string;
  date: string;
}

/** "visit 3 (2026-12-07 at 09:00)": how an error names one visit of the series. */
function visitWords(visit: AcceptedVisit, zone: string): string {
  return `visit ${visit.index + 1} (${visit.date} at ${formatInstantWithOffset(visit.start, zone).slice(11, 16)})`;
}

function fieldError(visit: AcceptedVisit, zone: string, problem: string): AppError {
  const message = `The plan's ${visitWords(visit, zone)} ${problem}`;
  return new AppError("VALIDATION_FAILED", message, { fields: { [`occurrences.${visit.index}`]: message } });
}

/** The accepted visits, each on its own day inside the plan, no week over its count. */
function acceptedVisits(plan: PlanContext, input: BookCarePlanInput): AcceptedVisit[] {
  const zone = plan.location.timeZone;
  const last = planLastDate(plan.pattern);
  const visits = input.occurrences.map((o, index) => {
    const start = Date.parse(o.start);
    return { index, start, therapistId: o.therapistId, date: localDateOf(start, zone) };
  });
  if (visits.length > plan.pattern.visitsPerWeek * plan.pattern.weeks) {
    throw new AppError("VALIDATION_FAILED", `The plan prescribes ${plan.pattern.visitsPerWeek * plan.pattern.weeks} visits; ${visits.length} were sent.`, {
      fields: { occurrences: "Send at most one time per prescribed visit." },
    });
  }
  const byDay = new Map<string, AcceptedVisit>();
  const perWeek = new Map<number, number>();
  for (const visit of visits) {
    if (visit.date < plan.pattern.startsOn || visit.date > last) throw fieldError(visit, zone, `falls outside the plan, which runs from ${plan.pattern.startsOn} to ${last}.`);
    const other = byDay.get(visit.date);
    // Two visits on one day would also risk booking the patient twice at once.
    if (other) throw fieldError(visit, zone, `is on the same day as ${visitWords(other, zone)}; choose another alternative for one of them.`);
    byDay.set(visit.date, visit);
    const week = Math.floor((Date.parse(`${visit.date}T00:00:00Z`) - Date.parse(`${plan.pattern.startsOn}T00:00:00Z`)) / (7 * 86_400_000));
    const count = (perWeek.get(week) ?? 0) + 1;
    if (count > plan.pattern.visitsPerWeek) {
      throw fieldError(visit, zone, `would make ${count} visits in the week from ${addDays(plan.pattern.startsOn, week * 7)}; the plan has ${plan.pattern.visitsPerWeek} a week.`);
    }
    perWeek.set(week, count);
  }
  return visits;
}

/**
 * The 409 for a visit whose time went between proposing and booking: which
 * visit, and its alternatives read again now, kept off the other visits'
 * days and times so accepting one books the series without a clash.
 */
async function takenError(plan: PlanContext, visits: AcceptedVisit[], taken: AcceptedVisit, now: Date, patientBusy = false): Promise<AppError> {
  const zone = plan.location.timeZone;
  const others = visits.filter((v) => v !== taken);
  const availability = await loadPlanAvailability(plan, now);
  const duration = plan.service.durationMinutes * 60_000;
  availability.patientBusy = [...availability.patientBusy, ...others.map((v) => ({ start: v.start, end: v.start + duration }))];
  const { alternatives } = alternativesForOccurrence(plan.pattern, availability, taken.date, new Set(others.map((v) => v.date)));
  const message = patientBusy
    ? `The patient was booked elsewhere at the time of the plan's ${visitWords(taken, zone)} a moment ago. Nothing was booked: choose another time for that visit and book the plan again.`
    : `The plan's ${visitWords(taken, zone)} was taken by another booking a moment ago. Nothing was booked: choose another time for that visit and book the plan again.`;
  return new AppError(patientBusy ? "PATIENT_BUSY" : "SLOT_TAKEN", message, {
    fields: { [`occurrences.${taken.index}`]: message },
    alternatives: alternatives.map((a) => toSlotDto(a.slot, zone, { cancelCutoffMinutes: plan.service.cancelCutoffMinutes, now })),
  });
}

/** A visit the engine no longer offers (booked meanwhile, or the therapist does not offer it): the same 409 before any write. */
async function assertStillFree(plan: PlanContext, visits: AcceptedVisit[], now: Date): Promise<void> {
  const availability = await loadPlanAvailability(plan, now);
  const zone = plan.location.timeZone;
  for (const visit of visits) {
    const schedule = availability.schedules.find((s) => s.therapistId === visit.therapistId);
    if (!schedule) throw fieldError(visit, zone, "is with a therapist who does not offer this visit at this location.");
    const free = findOpenSlots(schedule, { ...availability.query, from: visit.date, to: visit.date }).find((s) => s.start === visit.start);
    const clash = free && availability.patientBusy.some((b) => b.start < free.end && free.start < b.end);
    if (!free || clash) throw await takenError(plan, visits, visit, now, Boolean(clash));
  }
}

export interface BookedPlan {
  carePlanId: string;
  appointments: { id: string; start: string; therapistId: string }[];
  /** The first visit's manage link, shown to the desk once; its page lists the series. */
  manageUrl: string;
}

/**
 * Records the plan and books every accepted visit in one transaction. A
 * visit taken meanwhile (the exclusion constraints, or a room gone) rolls
 * everything back and answers 409 naming that visit, with fresh alternatives.
 */
export async function bookCarePlan(staff: StaffMember, input: BookCarePlanInput, ctx: RequestContext): Promise<BookedPlan> {
  const plan = await resolvePlan(staff, input.plan, ctx.now);
  const { patient, service, location, mode } = plan;
  const zone = location.timeZone;
  const visits = acceptedVisits(plan, input);
  if (input.plan.createdFromAppointmentId) {
    const origin = await getPrisma().appointment.findFirst({ where: { id: input.plan.createdFromAppointmentId, patientId: patient.id }, select: { id: true } });
    if (!origin) throw new AppError("VALIDATION_FAILED", "That visit is not one of the patient's.", { fields: { createdFromAppointmentId: "Choose one of the patient's visits." } });
  }
  await assertStillFree(plan, visits, ctx.now);
  const tokens = visits.map(() => createManageToken());

  let current: AcceptedVisit | null = null;
  try {
    const booked = await getPrisma().$transaction(async (tx) => {
      await assertEligible(tx, service, patient.id);
      const carePlan = await tx.carePlan.create({
        data: {
          patientId: patient.id,
          therapistId: plan.pattern.therapistId,
          serviceId: service.id,
          locationId: location.id,
          mode,
          treats: input.plan.treats,
          visitsPerWeek: plan.pattern.visitsPerWeek,
          weeks: plan.pattern.weeks,
          preferredWeekdays: [...plan.pattern.preferredWeekdays],
          windowStartMinute: plan.pattern.windowStartMinute,
          windowEndMinute: plan.pattern.windowEndMinute,
          startsOn: new Date(`${plan.pattern.startsOn}T00:00:00Z`),
          createdFromAppointmentId: input.plan.createdFromAppointmentId ?? null,
          createdByStaffId: staff.id,
        },
      });
      const appointments = [];
      for (const [i, visit] of visits.entries()) {
        current = visit;
        await confirmSlotUnderLock(tx, { therapistId: visit.therapistId, location, service, mode, start: visit.start, now: ctx.now, ignoreNotice: true, postalCode: plan.postalCode });
        const range = blockedRangeFor(visit.start, { ...service, mode, travelMinutes: location.homeTravelMinutes });
        const roomId = mode === "CLINIC" ? await chooseRoom(tx, location.id, range) : null;
        appointments.push(
          await tx.appointment.create({
            data: {
              patientId: patient.id,
              therapistId: visit.therapistId,
              serviceId: service.id,
              locationId: location.id,
              roomId,
              mode,
              ...rangeColumns(range),
              source: "STAFF",
              language: patient.preferredLanguage,
              reasonText: input.plan.treats,
              patientFirstName: patient.firstName,
              patientLastName: patient.lastName,
              ...(mode === "HOME"
                ? { visitAddressLine1: patient.addressLine1, visitAddressLine2: patient.addressLine2, visitCity: patient.city, visitPostalCode: patient.postalCode }
                : {}),
              ...linkHashes(tokens[i]!),
              manageTokenExpiresAt: tokenExpiry(range.end),
              carePlanId: carePlan.id,
            },
          }),
        );
      }
      current = null;
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: "care-plan.create",
        entity: "CarePlan",
        entityId: carePlan.id,
        patientId: patient.id,
        ipAddress: ctx.ipAddress,
        detail: {
          visitsPerWeek: carePlan.visitsPerWeek,
          weeks: carePlan.weeks,
          visits: appointments.map((a) => ({ start: formatInstantWithOffset(a.startsAt.getTime(), zone), therapistId: a.therapistId })),
        },
      });
      // One confirmation for the series, on its first visit (whose message lists the others), not one per visit.
      const first = appointments[0]!;
      await queueVisitEmail(tx, { kind: "confirmation", appointmentId: first.id, dedupeKey: `confirmation:${first.id}`, sendAfter: ctx.now, requestedById: staff.id });
      for (const a of appointments) {
        await queueBookedNotices(tx, { appointmentId: a.id, revision: a.revision, before: null, after: { therapistId: a.therapistId, start: a.startsAt } }, ctx.now, staff.id);
      }
      return { carePlan, appointments };
    }, TX_OPTIONS);
    return {
      carePlanId: booked.carePlan.id,
      appointments: booked.appointments.map((a) => ({ id: a.id, start: formatInstantWithOffset(a.startsAt.getTime(), zone), therapistId: a.therapistId })),
      manageUrl: manageUrl(tokens[0]!, patient.preferredLanguage),
    };
  } catch (error) {
    const failed = current as AcceptedVisit | null;
    if (!failed) throw error;
    const constraint = violatedConstraint(error);
    if (constraint === "Appointment_patient_no_overlap") throw await takenError(plan, visits, failed, ctx.now, true);
    const lost =
      constraint === "Appointment_therapist_no_overlap" ||
      constraint === "Appointment_room_capacity" ||
      (error instanceof AppError && (error.code === "SLOT_TAKEN" || error.code === "SLOT_UNAVAILABLE"));
    if (lost) throw await takenError(plan, visits, failed, ctx.now);
    throw error;
  }
}
