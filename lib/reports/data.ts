import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import type { Ratio, ReportQuery, Reports, UtilisationLine } from "./schema";

// The practice's reports: one SQL aggregate per figure, each counting days in
// the zone of the location a visit or plan belongs to, so a range of local
// dates means the same days on every clinic's own clock. Definitions in words
// are in docs/reports.md and on the page.

/** A visit that took or takes the therapist's time: cancelled and held times are not visits of the day. */
const TIME_TAKING_VISIT = Prisma.sql`a."status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')`;

function assertAdmin(staff: StaffMember): void {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Reports are for administrators.");
}

function locationFilter(column: Prisma.Sql, location: string | undefined): Prisma.Sql {
  return location ? Prisma.sql`${column} = ${location}::uuid` : Prisma.sql`true`;
}

/** The appointment `a`, joined to its location `l`, starts on a local day of the range. */
function startsInRange(q: ReportQuery): Prisma.Sql {
  return Prisma.sql`(a."startsAt" AT TIME ZONE l."timeZone")::date BETWEEN ${q.from}::date AND ${q.to}::date AND ${locationFilter(Prisma.sql`a."locationId"`, q.location)}`;
}

async function readNoShow(q: ReportQuery): Promise<Reports["noShow"]> {
  const rows = await getPrisma().$queryRaw<{ week: string; missed: number; due: number }[]>`
    SELECT to_char(date_trunc('week', a."startsAt" AT TIME ZONE l."timeZone"), 'YYYY-MM-DD') AS "week",
           count(*) FILTER (WHERE a."status" = 'NO_SHOW')::int AS "missed", count(*)::int AS "due"
      FROM "Appointment" a JOIN "Location" l ON l."id" = a."locationId"
     WHERE a."status" IN ('CHECKED_IN', 'COMPLETED', 'NO_SHOW') AND ${startsInRange(q)}
     GROUP BY 1 ORDER BY 1`;
  const weeks = rows.map((r) => ({ week: r.week, ratio: { numerator: r.missed, denominator: r.due } }));
  return {
    total: { numerator: weeks.reduce((n, w) => n + w.ratio.numerator, 0), denominator: weeks.reduce((n, w) => n + w.ratio.denominator, 0) },
    weeks,
  };
}

async function readLateCancellation(q: ReportQuery): Promise<Reports["lateCancellation"]> {
  // A patient's move cancels the old row and writes a new one pointing at it:
  // that is the same visit at another time, not a cancellation, so a row
  // something was rescheduled from is left out of both counts.
  const [row] = await getPrisma().$queryRaw<{ late: number; cancelled: number; booked: number; windowMinutes: number }[]>`
    WITH "practice" AS (SELECT coalesce((SELECT "lateCancelWindowMinutes" FROM "Practice" WHERE "id" = 1), 1440) AS "windowMinutes")
    SELECT count(*) FILTER (WHERE a."status" = 'CANCELLED' AND a."cancelledAt" IS NOT NULL
                              AND a."cancelledAt" > a."startsAt" - make_interval(mins => p."windowMinutes"))::int AS "late",
           count(*) FILTER (WHERE a."status" = 'CANCELLED')::int AS "cancelled",
           count(a."id")::int AS "booked", p."windowMinutes"
      FROM "practice" p
      LEFT JOIN ("Appointment" a JOIN "Location" l ON l."id" = a."locationId")
        ON (${TIME_TAKING_VISIT} OR a."status" = 'CANCELLED') AND ${startsInRange(q)}
       AND NOT EXISTS (SELECT 1 FROM "Appointment" n WHERE n."rescheduledFromId" = a."id")
     GROUP BY p."windowMinutes"`;
  // With no late window (0 minutes) no cancellation is late.
  const late = row && row.windowMinutes > 0 ? row.late : 0;
  return { numerator: late, denominator: row?.booked ?? 0, cancelled: row?.cancelled ?? 0, windowMinutes: row?.windowMinutes ?? 1440 };
}

interface UtilisationRow {
  therapistId: string;
  therapistName: string;
  locationId: string;
  locationName: string;
  availableMinutes: number;
  bookedMinutes: number;
}

async function readUtilisation(q: ReportQuery): Promise<Reports["utilisation"]> {
  // Weekly hours become instants day by day on each location's wall clock, so
  // a 09:00–17:00 day is 8 hours on either side of a clock change. Blocks and
  // time off are merged as multiranges, so overlapping blocks count once and
  // time off takes away only the open hours it covers.
  const rows = await getPrisma().$queryRaw<UtilisationRow[]>`
    WITH "loc" AS (
      SELECT "id", "timeZone" FROM "Location" WHERE ${locationFilter(Prisma.sql`"id"`, q.location)}
    ), "day" AS (
      SELECT "loc"."id" AS "locationId", "loc"."timeZone", d::date AS "day"
        FROM "loc" CROSS JOIN generate_series(${q.from}::date, ${q.to}::date, interval '1 day') d
    ), "open" AS (
      SELECT h."therapistId", h."locationId",
             range_agg(tstzrange((day."day" + make_interval(mins => h."startMinute")) AT TIME ZONE day."timeZone",
                                 (day."day" + make_interval(mins => h."endMinute")) AT TIME ZONE day."timeZone", '[)')) AS "hours"
        FROM "WeeklyHours" h
        JOIN "day" ON day."locationId" = h."locationId" AND extract(isodow FROM day."day") = h."weekday"
       WHERE (h."validFrom" IS NULL OR h."validFrom" <= day."day") AND (h."validUntil" IS NULL OR h."validUntil" >= day."day")
       GROUP BY 1, 2
    ), "off" AS (
      SELECT t."therapistId", range_agg(tstzrange(t."startsAt", t."endsAt", '[)')) AS "off"
        FROM "TimeOff" t
       WHERE t."startsAt" < (${q.to}::date + 3)::timestamptz AND t."endsAt" > (${q.from}::date - 2)::timestamptz
       GROUP BY 1
    ), "available" AS (
      SELECT o."therapistId", o."locationId",
             (SELECT coalesce(sum(extract(epoch FROM upper(r) - lower(r))), 0)
                FROM unnest(o."hours" - coalesce(f."off", '{}'::tstzmultirange)) r) / 60 AS "minutes"
        FROM "open" o LEFT JOIN "off" f ON f."therapistId" = o."therapistId"
    ), "booked" AS (
      SELECT a."therapistId", a."locationId", sum(extract(epoch FROM a."endsAt" - a."startsAt")) / 60 AS "minutes"
        FROM "Appointment" a JOIN "Location" l ON l."id" = a."locationId"
       WHERE ${TIME_TAKING_VISIT} AND ${startsInRange(q)}
       GROUP BY 1, 2
    )
    SELECT t."id"::text AS "therapistId", t."firstName" || ' ' || t."lastName" AS "therapistName",
           l."id"::text AS "locationId", l."name" AS "locationName",
           coalesce(av."minutes", 0)::float8 AS "availableMinutes", coalesce(b."minutes", 0)::float8 AS "bookedMinutes"
      FROM "available" av
      FULL JOIN "booked" b ON b."therapistId" = av."therapistId" AND b."locationId" = av."locationId"
      JOIN "Therapist" t ON t."id" = coalesce(av."therapistId", b."therapistId")
      JOIN "Location" l ON l."id" = coalesce(av."locationId", b."locationId")
     ORDER BY 2, 4`;
  const sum = (key: "therapist" | "location") => {
    const lines = new Map<string, UtilisationLine>();
    for (const r of rows) {
      const id = key === "therapist" ? r.therapistId : r.locationId;
      const line = lines.get(id) ?? { id, name: key === "therapist" ? r.therapistName : r.locationName, bookedMinutes: 0, availableMinutes: 0 };
      line.bookedMinutes += Math.round(r.bookedMinutes);
      line.availableMinutes += Math.round(r.availableMinutes);
      lines.set(id, line);
    }
    return [...lines.values()].sort((a, b) => a.name.localeCompare(b.name));
  };
  return { therapists: sum("therapist"), locations: sum("location") };
}

async function readConversion(q: ReportQuery): Promise<Ratio> {
  const [row] = await getPrisma().$queryRaw<{ converted: number; screened: number }[]>`
    WITH "screened" AS (
      SELECT a."patientId", min(a."startsAt") AS "firstAt"
        FROM "Appointment" a JOIN "Location" l ON l."id" = a."locationId" JOIN "Service" s ON s."id" = a."serviceId"
       WHERE s."priceCents" = 0 AND a."status" IN ('CHECKED_IN', 'COMPLETED') AND ${startsInRange(q)}
       GROUP BY 1
    )
    SELECT count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "CarePlan" cp WHERE cp."patientId" = sc."patientId" AND cp."createdAt" > sc."firstAt"))::int AS "converted",
           count(*)::int AS "screened"
      FROM "screened" sc`;
  return { numerator: row?.converted ?? 0, denominator: row?.screened ?? 0 };
}

async function readPlanCompletion(q: ReportQuery): Promise<Reports["planCompletion"]> {
  // A plan's last day is the end of its last week, startsOn + 7 × weeks − 1: a local date in its location's zone.
  const [row] = await getPrisma().$queryRaw<{ attended: number; prescribed: number; plans: number }[]>`
    SELECT coalesce(sum((SELECT count(*) FROM "Appointment" a
                          WHERE a."carePlanId" = cp."id" AND a."status" IN ('CHECKED_IN', 'COMPLETED'))), 0)::int AS "attended",
           coalesce(sum(cp."visitsPerWeek" * cp."weeks"), 0)::int AS "prescribed",
           count(*)::int AS "plans"
      FROM "CarePlan" cp
     WHERE cp."status" <> 'CANCELLED'
       AND cp."startsOn" + 7 * cp."weeks" - 1 BETWEEN ${q.from}::date AND ${q.to}::date
       AND ${locationFilter(Prisma.sql`cp."locationId"`, q.location)}`;
  return { numerator: row?.attended ?? 0, denominator: row?.prescribed ?? 0, plans: row?.plans ?? 0 };
}

async function readAdherence(q: ReportQuery): Promise<Ratio> {
  // Program weeks run Monday to Sunday in the program's zone, as the
  // therapist's day counts them; only weeks wholly inside the range count, and
  // a week's sessions count up to what it prescribes, so extra sessions one
  // week do not hide a missed week.
  const [row] = await getPrisma().$queryRaw<{ logged: number; prescribed: number }[]>`
    WITH "week" AS (
      SELECT p."id" AS "programId", p."sessionsPerWeek", p."timeZone", w::date AS "monday"
        FROM "ExerciseProgram" p
        LEFT JOIN "Appointment" a ON a."id" = p."appointmentId"
        CROSS JOIN generate_series(date_trunc('week', p."startsOn"::timestamp), p."endsOn"::timestamp, interval '7 days') w
       WHERE ${q.location ? Prisma.sql`a."locationId" = ${q.location}::uuid` : Prisma.sql`true`}
         AND w::date >= ${q.from}::date AND w::date + 6 <= ${q.to}::date
    )
    SELECT coalesce(sum(least(w."sessionsPerWeek", (
             SELECT count(*) FROM "ExerciseSessionLog" s
              WHERE s."programId" = w."programId"
                AND (s."doneAt" AT TIME ZONE w."timeZone")::date BETWEEN w."monday" AND w."monday" + 6))), 0)::int AS "logged",
           coalesce(sum(w."sessionsPerWeek"), 0)::int AS "prescribed"
      FROM "week" w`;
  return { numerator: row?.logged ?? 0, denominator: row?.prescribed ?? 0 };
}

/** Every figure for the range, for an administrator. Aggregates only: no patient is named. */
export async function readReports(staff: StaffMember, query: ReportQuery): Promise<Reports> {
  assertAdmin(staff);
  const locations = await getPrisma().location.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const location = query.location ? locations.find((l) => l.id === query.location) : null;
  if (query.location && !location) throw new AppError("NOT_FOUND", "That location does not exist.");
  const [noShow, lateCancellation, utilisation, conversion, planCompletion, adherence] = await Promise.all([
    readNoShow(query),
    readLateCancellation(query),
    readUtilisation(query),
    readConversion(query),
    readPlanCompletion(query),
    readAdherence(query),
  ]);
  return { from: query.from, to: query.to, location: location ?? null, locations, noShow, lateCancellation, utilisation, conversion, planCompletion, adherence };
}

/** The reports for the page or the CSV download, audited as a view or an export of the practice's figures. */
export async function openReports(staff: StaffMember, query: ReportQuery, ctx: RequestContext, as: "view" | "export"): Promise<Reports> {
  const reports = await readReports(staff, query);
  await recordAudit(getPrisma(), {
    staffUserId: staff.id,
    actor: staff.email,
    action: as === "view" ? "reports.view" : "reports.export",
    entity: "Practice",
    entityId: query.location ?? "all",
    ipAddress: ctx.ipAddress,
    detail: { from: query.from, to: query.to, location: query.location ?? null },
  });
  return reports;
}

/** The locations the reports' picker offers, by name. No patient data, so not audited. */
export function reportLocations(): Promise<{ id: string; name: string; timeZone: string; active: boolean }[]> {
  return getPrisma().location.findMany({ select: { id: true, name: true, timeZone: true, active: true }, orderBy: { name: "asc" } });
}
