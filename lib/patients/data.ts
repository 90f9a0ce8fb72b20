import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { VISIT_STATUSES, visitStatusFilter, visitStatusOf, type VisitStatus } from "../db/appointment-status";
import { Prisma, type Language, type VisitMode } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { localDateOf } from "../scheduling/zone-time";
import { patientScopeOf, assertMayEditPatients, type PatientScope } from "./access";
import { ageOn } from "./age";
import type { PatientCriterion } from "./search-query";
import type { RequestContext } from "../http/request-context";

export const SEARCH_LIMIT = 50;
const PAST_VISITS_SHOWN = 100;

export interface PatientSearchRow {
  id: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  phone: string;
  email: string;
  /** The next visit still to come (booked or checked in), with its location's zone. */
  nextVisit: { startsAt: Date; timeZone: string; locationName: string } | null;
}

export interface PatientSearchResult {
  patients: PatientSearchRow[];
  /** More patients match than are listed. */
  more: boolean;
}

interface SearchRow {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  phone: string;
  email: string;
  nextStartsAt: Date | null;
  nextTimeZone: string | null;
  nextLocationName: string | null;
}

function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Each condition repeats an expression of migration 20261122020000 exactly, so
// that the trigram (or date) index answers it instead of a scan of every patient.
function criterionSql(criterion: PatientCriterion): Prisma.Sql {
  switch (criterion.kind) {
    case "dateOfBirth":
      return Prisma.sql`p."dateOfBirth" = ${criterion.date}::date`;
    case "phone":
      return Prisma.sql`regexp_replace(p."phone", '[^0-9]', '', 'g') LIKE ${containing(criterion.digits)}`;
    case "email":
      return Prisma.sql`lower(p."email") ILIKE ${containing(criterion.text)}`;
    case "name": {
      const pattern = containing(criterion.text);
      return Prisma.sql`(lower(p."firstName" || ' ' || p."lastName") ILIKE ${pattern}
        OR lower(p."lastName" || ' ' || p."firstName") ILIKE ${pattern}
        OR lower(p."email") ILIKE ${pattern})`;
    }
  }
}

function scopeSql(scope: PatientScope): Prisma.Sql {
  if (scope.all) return Prisma.empty;
  // A time held for an online payment is not a visit: it gives the therapist no patient to read.
  return Prisma.sql`AND EXISTS (SELECT 1 FROM "Appointment" a WHERE a."patientId" = p."id" AND a."therapistId" = ${scope.therapistId}::uuid
    AND a."status" = ANY(${[...VISIT_STATUSES]}::"AppointmentStatus"[]))`;
}

/**
 * The SQL of a patient search as this staff member may run it: at most one
 * more than SEARCH_LIMIT patients, each with their next visit.
 */
export function patientSearchSql(staff: StaffMember, criterion: PatientCriterion, now: Date): Prisma.Sql {
  const scope = patientScopeOf(staff);
  return Prisma.sql`
    SELECT p."id", p."firstName", p."lastName", p."dateOfBirth", p."phone", p."email",
           next."startsAt" AS "nextStartsAt", next."timeZone" AS "nextTimeZone", next."name" AS "nextLocationName"
    FROM (
      SELECT p.* FROM "Patient" p
      WHERE ${criterionSql(criterion)} ${scopeSql(scope)}
      -- Case-insensitive order, which no btree provides: otherwise the planner
      -- walks the (lastName, firstName) index and filters every patient.
      ORDER BY lower(p."lastName"), lower(p."firstName"), p."id"
      LIMIT ${SEARCH_LIMIT + 1}
    ) p
    LEFT JOIN LATERAL (
      SELECT a."startsAt", l."timeZone", l."name"
      FROM "Appointment" a JOIN "Location" l ON l."id" = a."locationId"
      WHERE a."patientId" = p."id" AND a."status" IN ('BOOKED', 'CHECKED_IN') AND a."endsAt" > ${now}::timestamptz
      ORDER BY a."startsAt"
      LIMIT 1
    ) next ON true
    ORDER BY lower(p."lastName"), lower(p."firstName"), p."id"`;
}

/**
 * Patients matching one search key, as many as SEARCH_LIMIT, limited to those
 * this staff member may read. Every search leaves one audit row before the
 * list is returned: the kind of key and how many matched, never what was
 * typed (a name or birth date in the log would be a second copy of it), with
 * the patients listed linked by id.
 */
export async function searchPatients(staff: StaffMember, criterion: PatientCriterion, ctx: ReadContext): Promise<PatientSearchResult> {
  const prisma = getPrisma();
  const rows = await prisma.$queryRaw<SearchRow[]>(patientSearchSql(staff, criterion, ctx.now));
  const listed = rows.slice(0, SEARCH_LIMIT);
  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "patient.search",
    entity: "PatientSearch",
    entityId: criterion.kind,
    patientIds: listed.map((r) => r.id),
    ipAddress: ctx.ipAddress,
    detail: { kind: criterion.kind, results: listed.length, more: rows.length > SEARCH_LIMIT },
  });
  return {
    more: rows.length > SEARCH_LIMIT,
    patients: listed.map((r) => ({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      dateOfBirth: r.dateOfBirth.toISOString().slice(0, 10),
      phone: r.phone,
      email: r.email,
      nextVisit: r.nextStartsAt && r.nextTimeZone ? { startsAt: r.nextStartsAt, timeZone: r.nextTimeZone, locationName: r.nextLocationName ?? "" } : null,
    })),
  };
}

export interface ProfileVisit {
  id: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  locationName: string;
  serviceName: string;
  therapistName: string;
  mode: VisitMode;
  status: VisitStatus;
}

export interface PatientContactDetails {
  id: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  phone: string;
  email: string;
  preferredLanguage: Language;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
}

export interface PatientProfile {
  patient: PatientContactDetails & { age: number };
  upcoming: ProfileVisit[];
  /** Newest first, at most PAST_VISITS_SHOWN. */
  past: ProfileVisit[];
  morePast: boolean;
  noShowCount: number;
}

/** The clock and the caller's address, as every audited write takes them. */
export type ReadContext = RequestContext;

/**
 * The patient, if this staff member may read them. Anyone they may not read
 * answers NOT_FOUND, the same as an id that does not exist.
 */
async function findReadablePatient(staff: StaffMember, patientId: string) {
  const scope = patientScopeOf(staff);
  if (!z.guid().safeParse(patientId).success) throw new AppError("NOT_FOUND", "No such patient.");
  const patient = await getPrisma().patient.findFirst({
    where: { id: patientId, ...(scope.all ? {} : { appointments: { some: { therapistId: scope.therapistId, status: visitStatusFilter() } } }) },
  });
  if (!patient) throw new AppError("NOT_FOUND", "No such patient.");
  return patient;
}

function toContactDetails(p: Awaited<ReturnType<typeof findReadablePatient>>): PatientContactDetails {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth.toISOString().slice(0, 10),
    phone: p.phone,
    email: p.email,
    preferredLanguage: p.preferredLanguage,
    addressLine1: p.addressLine1,
    addressLine2: p.addressLine2,
    city: p.city,
    region: p.region,
    postalCode: p.postalCode,
  };
}

async function recordView(staff: StaffMember, patientId: string, page: "profile" | "edit", ctx: ReadContext) {
  await recordAudit(getPrisma(), {
    staffUserId: staff.id,
    actor: staff.email,
    action: "patient.view",
    entity: "Patient",
    entityId: patientId,
    patientId,
    ipAddress: ctx.ipAddress,
    detail: { page },
  });
}

const VISIT_INCLUDE = { location: true, service: true, therapist: true } as const;

/**
 * A patient's profile: contact details, visits to come and past, no-shows.
 * Every opening is written to the audit log before the record is returned.
 */
export async function openPatientProfile(staff: StaffMember, patientId: string, ctx: ReadContext): Promise<PatientProfile> {
  const patient = await findReadablePatient(staff, patientId);
  const prisma = getPrisma();
  const [upcoming, past, noShowCount] = await Promise.all([
    // Visits only: a time held (or once held) for an online payment is none.
    prisma.appointment.findMany({ where: { patientId, status: visitStatusFilter(), endsAt: { gt: ctx.now } }, include: VISIT_INCLUDE, orderBy: { startsAt: "asc" } }),
    prisma.appointment.findMany({
      where: { patientId, status: visitStatusFilter(), endsAt: { lte: ctx.now } },
      include: VISIT_INCLUDE,
      orderBy: { startsAt: "desc" },
      take: PAST_VISITS_SHOWN + 1,
    }),
    prisma.appointment.count({ where: { patientId, status: "NO_SHOW" } }),
  ]);
  await recordView(staff, patientId, "profile", ctx);

  const toVisit = (a: (typeof upcoming)[number]): ProfileVisit => ({
    id: a.id,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    timeZone: a.location.timeZone,
    locationName: a.location.name,
    serviceName: a.service.nameEn,
    therapistName: `${a.therapist.firstName} ${a.therapist.lastName}`,
    mode: a.mode,
    status: visitStatusOf(a.status),
  });
  // The patient's age turns over at midnight where they are treated: the zone
  // of their nearest visit; UTC for someone never booked.
  const zone = upcoming[0]?.location.timeZone ?? past[0]?.location.timeZone ?? "UTC";
  const details = toContactDetails(patient);
  return {
    patient: { ...details, age: ageOn(details.dateOfBirth, localDateOf(ctx.now.getTime(), zone)) },
    upcoming: upcoming.map(toVisit),
    past: past.slice(0, PAST_VISITS_SHOWN).map(toVisit),
    morePast: past.length > PAST_VISITS_SHOWN,
    noShowCount,
  };
}

/** A patient's contact details for the edit form (front desk and admins), logged as a view. */
export async function openPatientContact(staff: StaffMember, patientId: string, ctx: ReadContext): Promise<PatientContactDetails & { updatedAt: Date }> {
  assertMayEditPatients(staff);
  const patient = await findReadablePatient(staff, patientId);
  await recordView(staff, patientId, "edit", ctx);
  return { ...toContactDetails(patient), updatedAt: patient.updatedAt };
}
