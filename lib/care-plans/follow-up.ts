import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import type { VisitMode } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";

// The desk's follow-up list: patients of an active plan of care whose visits
// booked ahead and attended fall short of what the plan prescribes, or who
// have no visit ahead at all. Those are the patients who drop out between
// visits unless someone calls them.

/** The most rows the page shows; the oldest gaps come first, so a cut keeps the most urgent. */
export const FOLLOW_UP_SHOWN = 200;

export interface FollowUpRow {
  patientId: string;
  firstName: string;
  lastName: string;
  carePlanId: string;
  treats: string;
  therapistId: string;
  therapistName: string;
  serviceId: string;
  serviceName: string;
  locationId: string;
  locationName: string;
  timeZone: string;
  mode: VisitMode;
  visitsPerWeek: number;
  weeks: number;
  prescribed: number;
  attended: number;
  bookedAhead: number;
  /** The last attended visit of the plan, or null when none yet. */
  lastVisitAt: Date | null;
  /** Where the gap is counted from: the last attended visit, or the plan's first day (midnight at the location). */
  gapSince: Date;
}

interface Row extends Omit<FollowUpRow, "prescribed" | "attended" | "bookedAhead"> {
  prescribed: number;
  attended: bigint | number;
  bookedAhead: bigint | number;
}

/**
 * The follow-up list, oldest gap first, in one statement. A plan is active
 * while its status is ACTIVE and its last week has not ended in its
 * location's zone; attended visits are checked in or completed ones, booked
 * ahead ones are still BOOKED and start after now. The read is audited with
 * every patient listed. Front desk and administrators only.
 */
export async function openFollowUp(staff: StaffMember, ctx: RequestContext): Promise<FollowUpRow[]> {
  if (staff.role !== "ADMIN" && staff.role !== "FRONT_DESK") {
    throw new AppError("FORBIDDEN", "The follow-up list is for the front desk and administrators.");
  }
  const prisma = getPrisma();
  const now = ctx.now;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH counts AS (
      SELECT cp."id",
             count(*) FILTER (WHERE a."status" IN ('CHECKED_IN', 'COMPLETED')) AS "attended",
             count(*) FILTER (WHERE a."status" = 'BOOKED' AND a."startsAt" > ${now}) AS "bookedAhead",
             max(a."startsAt") FILTER (WHERE a."status" IN ('CHECKED_IN', 'COMPLETED')) AS "lastVisitAt"
        FROM "CarePlan" cp
        JOIN "Location" l ON l."id" = cp."locationId"
        LEFT JOIN "Appointment" a ON a."carePlanId" = cp."id"
       WHERE cp."status" = 'ACTIVE'
         AND cp."startsOn" + cp."weeks" * 7 > (${now}::timestamptz AT TIME ZONE l."timeZone")::date
       GROUP BY cp."id"
    )
    SELECT p."id" AS "patientId", p."firstName", p."lastName",
           cp."id" AS "carePlanId", cp."treats",
           t."id" AS "therapistId", t."firstName" || ' ' || t."lastName" AS "therapistName",
           s."id" AS "serviceId", s."nameEn" AS "serviceName",
           l."id" AS "locationId", l."name" AS "locationName", l."timeZone",
           cp."mode"::text AS "mode", cp."visitsPerWeek", cp."weeks",
           cp."visitsPerWeek" * cp."weeks" AS "prescribed",
           c."attended", c."bookedAhead", c."lastVisitAt",
           coalesce(c."lastVisitAt", cp."startsOn"::timestamp AT TIME ZONE l."timeZone") AS "gapSince"
      FROM counts c
      JOIN "CarePlan" cp ON cp."id" = c."id"
      JOIN "Patient" p ON p."id" = cp."patientId"
      JOIN "Therapist" t ON t."id" = cp."therapistId"
      JOIN "Service" s ON s."id" = cp."serviceId"
      JOIN "Location" l ON l."id" = cp."locationId"
     WHERE c."attended" + c."bookedAhead" < cp."visitsPerWeek" * cp."weeks"
        OR c."bookedAhead" = 0
     ORDER BY "gapSince" ASC, cp."id"
     LIMIT ${FOLLOW_UP_SHOWN}`;
  const list = rows.map((r) => ({ ...r, prescribed: Number(r.prescribed), attended: Number(r.attended), bookedAhead: Number(r.bookedAhead) }));
  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "care-plan.follow-up.view",
    entity: "CarePlan",
    entityId: "follow-up",
    patientIds: list.map((r) => r.patientId),
    ipAddress: ctx.ipAddress,
    detail: { plans: list.length },
  });
  return list;
}

/** What the calendar's booking dialog starts from when the desk books a plan's next visit. */
export interface PlanBookingPrefill {
  carePlanId: string;
  treats: string;
  patientId: string;
  patientName: string;
  therapistId: string;
  serviceId: string;
  locationId: string;
  mode: VisitMode;
  /** The start of the plan's preferred time, in minutes after midnight at the location. */
  windowStartMinute: number;
}

/**
 * An active plan's values for booking its next visit from the calendar, or
 * null when there is no such plan (the calendar then opens as usual). Showing
 * the patient's name is a read of their record, so it is audited.
 */
export async function planBookingPrefill(staff: StaffMember, carePlanId: string, ctx: RequestContext): Promise<PlanBookingPrefill | null> {
  if (staff.role !== "ADMIN" && staff.role !== "FRONT_DESK") return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(carePlanId)) return null;
  const prisma = getPrisma();
  const plan = await prisma.carePlan.findFirst({
    where: { id: carePlanId, status: "ACTIVE" },
    select: { id: true, treats: true, therapistId: true, serviceId: true, locationId: true, mode: true, windowStartMinute: true, patient: { select: { id: true, firstName: true, lastName: true } } },
  });
  if (!plan) return null;
  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "patient.view",
    entity: "Patient",
    entityId: plan.patient.id,
    patientId: plan.patient.id,
    ipAddress: ctx.ipAddress,
    detail: { page: "calendar-book-plan", carePlanId: plan.id },
  });
  return {
    carePlanId: plan.id,
    treats: plan.treats,
    patientId: plan.patient.id,
    patientName: `${plan.patient.firstName} ${plan.patient.lastName}`,
    therapistId: plan.therapistId,
    serviceId: plan.serviceId,
    locationId: plan.locationId,
    mode: plan.mode,
    windowStartMinute: plan.windowStartMinute,
  };
}
