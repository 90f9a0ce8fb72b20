import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { loadSchedules, normalisePostalCode, resolveMode } from "../booking/data";
import { openBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import type { Location, Patient, Service, VisitMode } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { planLastDate, proposePlanOccurrences, type PlanAlternative, type PlanAvailability, type PlanOccurrence, type PlanPattern } from "../scheduling/plan-occurrences";
import { formatInstantWithOffset, localDateOf, zonedDayBounds } from "../scheduling/zone-time";
import type { Slot } from "../scheduling/types";
import type { CarePlanInput } from "./schema";

// Proposing a plan of care: every visit placed at once from availability
// loaded once for the plan's whole range, never week by week through the
// 31-day public search.

const DAY_MS = 86_400_000;

export interface PlanContext {
  patient: Patient;
  service: Service;
  location: Location;
  mode: VisitMode;
  pattern: PlanPattern;
  /** The postal code a home visit goes to (the patient's on file). */
  postalCode: string | null;
}

/**
 * Who may record a plan: the desk and administrators for anyone, a
 * therapist only a plan with themselves as its therapist.
 */
export function assertMayPlan(staff: StaffMember, therapistId: string): void {
  if (staff.role === "ADMIN" || staff.role === "FRONT_DESK") return;
  if (staff.role === "THERAPIST" && staff.therapistId === therapistId) return;
  throw new AppError("FORBIDDEN", "A therapist records plans of care with themselves as the therapist; the front desk records them for anyone.");
}

/** The plan's patient, service, location and therapist, checked, with the plan's first day not in the past. */
export async function resolvePlan(staff: StaffMember, input: CarePlanInput, now: Date): Promise<PlanContext> {
  assertMayPlan(staff, input.therapistId);
  const prisma = getPrisma();
  const [patient, service, location, therapist] = await Promise.all([
    prisma.patient.findUnique({ where: { id: input.patientId } }),
    prisma.service.findFirst({ where: { id: input.serviceId, active: true } }),
    prisma.location.findFirst({ where: { id: input.locationId, active: true } }),
    prisma.therapist.findFirst({
      where: { id: input.therapistId, active: true, locations: { some: { locationId: input.locationId } }, services: { some: { serviceId: input.serviceId } } },
      select: { visitModes: true },
    }),
  ]);
  if (!patient) throw new AppError("NOT_FOUND", "No such patient.");
  if (!service) throw new AppError("VALIDATION_FAILED", "That visit type is not offered.", { fields: { serviceId: "Choose a visit type that is offered." } });
  if (!location) throw new AppError("VALIDATION_FAILED", "That location does not exist or is closed.", { fields: { locationId: "Choose an open location." } });
  const mode = resolveMode(service, input.mode);
  if (!therapist || !therapist.visitModes.includes(mode)) {
    throw new AppError("VALIDATION_FAILED", "That therapist does not offer this visit type, in this mode, at this location.", {
      fields: { therapistId: "Choose a therapist who offers this visit here." },
    });
  }
  const postalCode = mode === "HOME" ? (patient.postalCode ?? null) : null;
  if (mode === "HOME" && !location.homePostalCodes.map(normalisePostalCode).includes(normalisePostalCode(postalCode ?? ""))) {
    throw new AppError("OUTSIDE_AREA", "The patient's address on file is outside this location's home-visit area. Plan clinic or video visits, or update the address first.", {
      fields: { mode: "Outside the home-visit area." },
    });
  }
  const today = localDateOf(now.getTime(), location.timeZone);
  if (input.startsOn < today) {
    throw new AppError("VALIDATION_FAILED", `The plan cannot start in the past: today is ${today} at ${location.name}.`, { fields: { startsOn: `Choose ${today} or later.` } });
  }
  const pattern: PlanPattern = {
    therapistId: input.therapistId,
    visitsPerWeek: input.visitsPerWeek,
    weeks: input.weeks,
    preferredWeekdays: input.preferredWeekdays,
    windowStartMinute: input.windowStartMinute,
    windowEndMinute: input.windowEndMinute,
    startsOn: input.startsOn,
  };
  return { patient, service, location, mode, pattern, postalCode };
}

/**
 * Everything the engine needs for the plan's whole range, in two statements:
 * every therapist's schedule at the location (the same load the availability
 * search uses) and the patient's visits already booked.
 */
export async function loadPlanAvailability(plan: PlanContext, now: Date): Promise<PlanAvailability> {
  const { location, service, mode, pattern, patient } = plan;
  const from = pattern.startsOn;
  const to = planLastDate(pattern);
  const range = { start: zonedDayBounds(from, location.timeZone).start - DAY_MS, end: zonedDayBounds(to, location.timeZone).end + DAY_MS };
  const [loaded, patientVisits] = await Promise.all([
    loadSchedules({ service, mode, locations: [location], from, to, now, ignoreNotice: true, language: patient.preferredLanguage }),
    getPrisma().appointment.findMany({
      where: {
        patientId: patient.id,
        startsAt: { lt: new Date(range.end) },
        endsAt: { gt: new Date(range.start) },
        OR: [{ status: { in: ["BOOKED", "CHECKED_IN", "COMPLETED"] } }, { status: "HELD", holdExpiresAt: { gt: now } }],
      },
      select: { startsAt: true, endsAt: true },
    }),
  ]);
  const at = loaded.byLocation[0];
  return {
    timeZone: location.timeZone,
    schedules: at?.schedules ?? [],
    query: at?.query ?? { mode, durationMinutes: service.durationMinutes, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, travelMinutes: 0, minNoticeMinutes: 0, horizonDays: 0, now: now.getTime() },
    language: patient.preferredLanguage,
    patientBusy: patientVisits.map((v) => ({ start: v.startsAt.getTime(), end: v.endsAt.getTime() })),
  };
}

export interface PlanTimeDto {
  start: string;
  end: string;
  therapistId: string;
}

export interface PlanAlternativeDto extends PlanTimeDto {
  kind: PlanAlternative["kind"];
}

export interface PlanOccurrenceDto {
  index: number;
  week: number;
  date: string;
  time: PlanTimeDto | null;
  conflict: PlanOccurrence["conflict"];
  alternatives: PlanAlternativeDto[];
}

export interface PlanProposalDto {
  timeZone: string;
  occurrences: PlanOccurrenceDto[];
  therapists: { id: string; name: string; languages: string[] }[];
}

export const toPlanTime = (slot: Slot, zone: string): PlanTimeDto => ({
  start: formatInstantWithOffset(slot.start, zone),
  end: formatInstantWithOffset(slot.end, zone),
  therapistId: slot.therapistId,
});

export const toAlternativeDto = (a: PlanAlternative, zone: string): PlanAlternativeDto => ({ kind: a.kind, ...toPlanTime(a.slot, zone) });

/** Proposes every visit of a plan, with alternatives for each conflict; audited, as it reads the patient's visits. */
export async function proposeCarePlan(staff: StaffMember, input: CarePlanInput, ctx: RequestContext): Promise<PlanProposalDto> {
  const plan = await resolvePlan(staff, input, ctx.now);
  const zone = plan.location.timeZone;
  // The audit entry and the therapists' names are written and read alongside the availability:
  // one round trip, and the entry exists before anything is answered.
  const [availability, therapists] = await Promise.all([
    loadPlanAvailability(plan, ctx.now),
    getPrisma()
      .therapist.findMany({ where: { locations: { some: { locationId: plan.location.id } } }, select: { id: true, firstName: true, lastName: true, languages: true } })
      .then((rows) => rows.map((t) => ({ id: t.id, name: `${t.firstName} ${t.lastName}`, languages: t.languages })).sort((a, b) => a.name.localeCompare(b.name))),
    recordAudit(getPrisma(), {
      staffUserId: staff.id,
      actor: staff.email,
      action: "care-plan.propose",
      entity: "Patient",
      entityId: plan.patient.id,
      patientId: plan.patient.id,
      ipAddress: ctx.ipAddress,
      detail: { therapistId: plan.pattern.therapistId, visitsPerWeek: plan.pattern.visitsPerWeek, weeks: plan.pattern.weeks, startsOn: plan.pattern.startsOn },
    }),
  ]);
  const occurrences = proposePlanOccurrences(plan.pattern, availability);
  return {
    timeZone: zone,
    occurrences: occurrences.map((o) => ({
      index: o.index,
      week: o.week,
      date: o.date,
      time: o.slot ? toPlanTime(o.slot, zone) : null,
      conflict: o.conflict,
      alternatives: o.alternatives.map((a) => toAlternativeDto(a, zone)),
    })),
    therapists,
  };
}

export interface PlanFormData {
  patient: { id: string; firstName: string; lastName: string; preferredLanguage: string };
  /** From the patient's latest visit (a screening or an evaluation, usually): its therapist, place, mode and visit type. */
  defaults: { therapistId: string; locationId: string; serviceId: string; mode: VisitMode; appointmentId: string } | null;
  services: { id: string; name: string; visitModes: VisitMode[] }[];
  locations: { id: string; name: string; timeZone: string; today: string }[];
  therapists: { id: string; name: string; languages: string[]; locationIds: string[]; serviceIds: string[] }[];
}

/**
 * What the plan form needs, for a patient this staff member may read (a
 * therapist: one they have a visit with, as on the profile); the opening is
 * audited like any read of a patient's record.
 */
export async function openPlanForm(staff: StaffMember, patientId: string, ctx: RequestContext): Promise<PlanFormData> {
  const prisma = getPrisma();
  const ownOnly = staff.role === "THERAPIST" ? { appointments: { some: { therapistId: staff.therapistId ?? "00000000-0000-0000-0000-000000000000" } } } : {};
  const patient = await prisma.patient.findFirst({ where: { id: patientId, ...ownOnly }, select: { id: true, firstName: true, lastName: true, preferredLanguage: true } });
  if (!patient) throw new AppError("NOT_FOUND", "No such patient.");
  const [latest, services, locations, therapists] = await Promise.all([
    prisma.appointment.findFirst({
      where: { patientId, status: { in: ["BOOKED", "CHECKED_IN", "COMPLETED"] }, startsAt: { lte: ctx.now } },
      orderBy: { startsAt: "desc" },
      select: { id: true, therapistId: true, locationId: true, serviceId: true, mode: true },
    }),
    prisma.service.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }], select: { id: true, nameEn: true, visitModes: true } }),
    prisma.location.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, timeZone: true } }),
    prisma.therapist.findMany({
      where: { active: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      select: { id: true, firstName: true, lastName: true, languages: true, locations: { select: { locationId: true } }, services: { select: { serviceId: true } } },
    }),
  ]);
  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "patient.view",
    entity: "Patient",
    entityId: patient.id,
    patientId: patient.id,
    ipAddress: ctx.ipAddress,
    detail: { page: "care-plan" },
  });
  return {
    patient,
    defaults: latest ? { therapistId: latest.therapistId, locationId: latest.locationId, serviceId: latest.serviceId, mode: latest.mode, appointmentId: latest.id } : null,
    services: services.map((s) => ({ id: s.id, name: s.nameEn, visitModes: s.visitModes })),
    locations: locations.map((l) => ({ ...l, today: localDateOf(ctx.now.getTime(), l.timeZone) })),
    therapists: therapists.map((t) => ({
      id: t.id,
      name: `${t.firstName} ${t.lastName}`,
      languages: t.languages,
      locationIds: t.locations.map((l) => l.locationId),
      serviceIds: t.services.map((s) => s.serviceId),
    })),
  };
}

export interface SeriesVisit {
  start: string;
  timeZone: string;
  therapistFirstName: string;
  status: "BOOKED" | "CHECKED_IN" | "COMPLETED";
}

/**
 * The other visits of the plan a manage link's visit belongs to, for the
 * patient's page: only that plan's, only that patient's, reached through
 * the visit's own link (openBooking checks and logs it), never by an id.
 */
export async function seriesOfBooking(token: string, ctx: RequestContext): Promise<SeriesVisit[]> {
  const { appointment } = await openBooking(token, ctx);
  if (!appointment.carePlanId) return [];
  const visits = await getPrisma().appointment.findMany({
    where: { carePlanId: appointment.carePlanId, patientId: appointment.patientId, id: { not: appointment.id }, status: { in: ["BOOKED", "CHECKED_IN", "COMPLETED"] } },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true, status: true, location: { select: { timeZone: true } }, therapist: { select: { firstName: true } } },
  });
  return visits.map((v) => ({
    start: formatInstantWithOffset(v.startsAt.getTime(), v.location.timeZone),
    timeZone: v.location.timeZone,
    therapistFirstName: v.therapist.firstName,
    status: v.status as SeriesVisit["status"],
  }));
}
