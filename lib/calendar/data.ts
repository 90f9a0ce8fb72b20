import "server-only";
import { createHash } from "node:crypto";
import { auditInsertSql, recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { visitStatusFilter } from "../db/appointment-status";
import { getPrisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { isoWeekday, localDateRange } from "../scheduling/zone-time";
import type { CalendarDto, CalendarQuery, CalendarVisitDto } from "./schema";

const DAY_MS = 86_400_000;

/** Monday of the week holding `date` (weeks run Monday to Sunday). */
function weekDates(date: string): string[] {
  const monday = new Date(Date.parse(`${date}T00:00:00Z`) - (isoWeekday(date) - 1) * DAY_MS).toISOString().slice(0, 10);
  const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
  return localDateRange(monday, sunday);
}

function boardDates(query: CalendarQuery): string[] {
  return query.view === "week" ? weekDates(query.date) : [query.date];
}

/** Changed whenever the board's JSON changes shape, so no build confirms a board cached from another. */
const BOARD_FORMAT = 5;

/**
 * The board's ETag, from one small query and no board read: the location,
 * the view and its first date (any date of a week names the same board), and
 * the version stamps of everything the board shows (the "practice" counter
 * and those of the therapists linked to the location; see the board_version
 * migration). The body does not depend on who asks: administrators and the
 * front desk see the same board, so the role is not part of it.
 */
export async function calendarETag(query: CalendarQuery): Promise<string> {
  const [row] = await getPrisma().$queryRaw<{ stamps: string | null }[]>`SELECT ${boardStampsSql(query.location)} AS "stamps"`;
  return calendarETagOf(query, row?.stamps ?? null);
}

/**
 * The version stamps calendarETag reads, as one scalar SQL expression, so a
 * request can read them in the same statement as its session. With them, the
 * number of the board's live holds: a hold leaves the board when it expires,
 * which writes nothing and so bumps no version, and the count is the one
 * thing that then changes (any other change to a hold is a write).
 */
export function boardStampsSql(locationId: string): Prisma.Sql {
  return Prisma.sql`(coalesce((SELECT string_agg(bv."scope" || '=' || bv."version", ',' ORDER BY bv."scope")
      FROM "BoardVersion" bv
     WHERE bv."scope" = 'practice'
        OR bv."scope" IN (SELECT tl."therapistId"::text FROM "TherapistLocation" tl WHERE tl."locationId" = ${locationId}::uuid)), '')
    || ';held=' || (SELECT count(*) FROM "Appointment" a
     WHERE a."status" = 'HELD' AND a."holdExpiresAt" > now()
       AND a."therapistId" IN (SELECT tl."therapistId" FROM "TherapistLocation" tl WHERE tl."locationId" = ${locationId}::uuid)))`;
}

/** The ETag of a board whose stamps (from boardStampsSql) were read. */
export function calendarETagOf(query: CalendarQuery, stamps: string | null): string {
  const key = JSON.stringify([BOARD_FORMAT, query.location, query.view, boardDates(query)[0], stamps ?? ""]);
  return `"${createHash("sha256").update(key).digest("base64url").slice(0, 32)}"`;
}

export interface CalendarReadContext {
  ipAddress: string | null;
}

/**
 * The board for a person at the desk, as the JSON text of a CalendarDto,
 * written to the audit log (it shows patients' names) in the statement that
 * reads it: the row is
 * written only when the board is found, and commits before the board is
 * returned. The detail names the board, never a patient.
 */
export function openCalendarJson(staff: StaffMember, query: CalendarQuery, ctx: CalendarReadContext): Promise<string> {
  const audit = auditInsertSql(
    {
      staffUserId: staff.id,
      actor: staff.email,
      action: "calendar.view",
      entity: "Location",
      entityId: query.location,
      ipAddress: ctx.ipAddress,
      detail: { location: query.location, view: query.view, date: query.date },
    },
    // A closed location's board still opens, so reading it is audited too.
    // The audit row is this transaction's only write, and its commit need not
    // wait for the disk: the desk polls the board, and under load that wait
    // is most of a changed board's time. The trade-off: a power cut in the
    // fraction of a second before the WAL writer flushes may lose the record
    // of a read (never of a change: every write of patient data commits
    // durably). The setting is local to this transaction.
    Prisma.sql`EXISTS (SELECT 1 FROM "Location" l WHERE l."id" = ${query.location}::uuid)
      AND set_config('synchronous_commit', 'off', true) = 'off'`,
  );
  return readCalendarJson(staff, query, audit);
}

/** openCalendarJson as the object the page renders. */
export async function openCalendar(staff: StaffMember, query: CalendarQuery, ctx: CalendarReadContext): Promise<CalendarDto> {
  return JSON.parse(await openCalendarJson(staff, query, ctx)) as CalendarDto;
}

/** The board without an audit row, for callers that are not showing it to anyone. */
export async function loadCalendar(staff: StaffMember, query: CalendarQuery): Promise<CalendarDto> {
  return JSON.parse(await readCalendarJson(staff, query, null)) as CalendarDto;
}

/**
 * One location's calendar for a day or a week, read in the location's zone:
 * its therapists, their working blocks and time off, and every visit they
 * have in that time (visits at another location are marked, since they keep
 * the therapist busy here too). For the front desk and administrators only.
 *
 * The whole board is written by PostgreSQL, as the JSON text sent to the
 * desk, in one statement: the desk polls the board and a week holds hundreds
 * of visits, and parsing them into objects here only to write them out again
 * made the app, not the database, what held a changed board back. The
 * statement reads the location's zone itself, so the board's days and every
 * time on it (ISO 8601 with the zone's offset, as formatInstantWithOffset
 * writes them) are worked out there.
 */
async function readCalendarJson(staff: StaffMember, query: CalendarQuery, audit: Prisma.Sql | null): Promise<string> {
  if (staff.role !== "ADMIN" && staff.role !== "FRONT_DESK") throw new AppError("FORBIDDEN", "The calendar is for the front desk and administrators.");
  const dates = boardDates(query);
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  // Local midnights lie within 14 hours of the same UTC midnights: these
  // bounds hold every row the board's own (zoned) bounds keep, so the
  // indexes narrow the read before the zone is known.
  const firstUtc = Date.parse(`${first}T00:00:00Z`);
  const wideFrom = new Date(firstUtc - DAY_MS);
  const wideStartsAfter = new Date(firstUtc - 2 * DAY_MS);
  const wideUntil = new Date(Date.parse(`${last}T00:00:00Z`) + 2 * DAY_MS);
  const zone = Prisma.sql`(SELECT "zone" FROM "loc")`;
  const [row] = await getPrisma().$queryRaw<{ body: string }[]>`
    WITH ${audit ? Prisma.sql`"audit" AS (${audit}),` : Prisma.empty} "loc" AS (
      -- A closed location's board still opens (by its address): its visits, past and still to move, stay in view.
      SELECT l."id", l."name", l."timeZone" AS "zone", l."active" FROM "Location" l WHERE l."id" = ${query.location}::uuid
    ), "bounds" AS (
      -- The instants of the first day's local midnight and of the midnight
      -- after the last day, read as zonedDayBounds reads them: a midnight
      -- that happens twice is its first occurrence, one that never happens is
      -- the instant the clocks jump.
      SELECT min(w."at") FILTER (WHERE w."k" = 0) AS "from", min(w."at") FILTER (WHERE w."k" = 1) AS "until"
        FROM (SELECT v."k",
                     CASE WHEN c."before" = o."before" AND c."after" = o."after" THEN least(c."withBefore", c."withAfter")
                          WHEN c."before" = o."before" THEN c."withBefore"
                          WHEN c."after" = o."after" THEN c."withAfter"
                          ELSE v."wall" AT TIME ZONE ${zone} END AS "at"
                FROM (VALUES (0, ${first}::date::timestamp), (1, ${last}::date::timestamp + interval '1 day')) v("k", "wall")
                CROSS JOIN LATERAL (SELECT ${offsetAt(Prisma.sql`((v."wall" - interval '1 day') AT TIME ZONE 'UTC')`, zone)} AS "before",
                                           ${offsetAt(Prisma.sql`((v."wall" + interval '1 day') AT TIME ZONE 'UTC')`, zone)} AS "after") o
                CROSS JOIN LATERAL (SELECT (v."wall" - o."before") AT TIME ZONE 'UTC' AS "withBefore", (v."wall" - o."after") AT TIME ZONE 'UTC' AS "withAfter") t
                CROSS JOIN LATERAL (SELECT ${offsetAt(Prisma.sql`t."withBefore"`, zone)} AS "before", ${offsetAt(Prisma.sql`t."withAfter"`, zone)} AS "after",
                                           t."withBefore", t."withAfter") c) w
    ), "th" AS (
      SELECT t."id", t."firstName", t."lastName", t."credentials", t."visitModes"
        FROM "Therapist" t
       WHERE t."active" AND EXISTS (SELECT 1 FROM "TherapistLocation" tl WHERE tl."therapistId" = t."id" AND tl."locationId" = ${query.location}::uuid)
    ), "visits" AS MATERIALIZED (
      -- Materialized, so each visit's times are moved into the zone once
      -- (its card writes each twice: the wall clock and the offset).
      SELECT a."id", a."therapistId", a."locationId", a."startsAt", a."endsAt", a."status", a."mode", a."updatedAt", a."serviceId",
             a."patientConfirmedAt", a."changeRequestedAt", a."paymentMethodId", p."firstName", p."lastName", r."name" AS "room",
             m."taken", m."refunded", s."priceCents", s."paymentRule",
             a."startsAt" AT TIME ZONE ${zone} AS "localStart", a."endsAt" AT TIME ZONE ${zone} AS "localEnd"
        FROM "Appointment" a
        JOIN "Patient" p ON p."id" = a."patientId"
        LEFT JOIN "Room" r ON r."id" = a."roomId"
        LEFT JOIN "Service" s ON s."id" = a."serviceId"
        -- The visit's money: payments made for any row of its booking (a
        -- reschedule writes a new row). A row moved from no other is its
        -- booking's only row, so most visits cost one probe of the payments'
        -- index and only a moved one reads its booking's rows first.
        CROSS JOIN LATERAL (
          SELECT coalesce(sum(pay."amountCents") FILTER (WHERE pay."status" = 'SUCCEEDED'), 0)::int8 AS "taken",
                 coalesce(sum(pay."refundedCents"), 0)::int8 AS "refunded"
            FROM "Payment" pay
           WHERE pay."appointmentId" = ANY (CASE WHEN a."rescheduledFromId" IS NULL THEN ARRAY[a."id"]
                                                 ELSE ARRAY(SELECT b."id" FROM "Appointment" b WHERE b."bookingId" = a."bookingId") END)) m
       WHERE a."therapistId" IN (SELECT "id" FROM "th")
         AND a."status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
         AND a."startsAt" > ${wideStartsAfter} AND a."startsAt" < ${wideUntil} AND a."endsAt" > ${wideFrom}
         -- Visits that started within a day before the board's first day (no visit lasts a day) and end after it starts.
         AND a."startsAt" > (SELECT "from" FROM "bounds") - interval '1 day' AND a."startsAt" < (SELECT "until" FROM "bounds")
         AND a."endsAt" > (SELECT "from" FROM "bounds")
    )
    SELECT concat(
      '{"location":', json_build_object('id', loc."id"::text, 'name', loc."name", 'timeZone', loc."zone"),
      -- The picker offers open locations only, and names a closed one while it is shown.
      ',"locations":', (SELECT coalesce(json_agg(x."o" ORDER BY x."k", x."name"), '[]')
                          FROM (SELECT 0 AS "k", l."name", json_build_object('id', l."id"::text, 'name', l."name") AS "o" FROM "Location" l WHERE l."active"
                                UNION ALL
                                SELECT 1, loc."name", json_build_object('id', loc."id"::text, 'name', loc."name" || ' (closed)') WHERE NOT loc."active") x),
      ',"view":', to_json(${query.view}::text),
      ',"dates":', ${JSON.stringify(dates)}::text,
      ',"therapists":', (SELECT coalesce(json_agg(json_build_object('id', th."id"::text, 'name', th."firstName" || ' ' || th."lastName",
                                                                   'credentials', th."credentials", 'visitModes', th."visitModes")
                                                 ORDER BY th."lastName", th."firstName"), '[]')
                           FROM "th"),
      ',"hours":', (SELECT coalesce(json_agg(json_build_object('therapistId', h."therapistId"::text, 'date', to_char(d."day", 'YYYY-MM-DD'),
                                                              'startMinute', h."startMinute", 'endMinute', h."endMinute", 'visitModes', h."visitModes")
                                            ORDER BY d."day", h."therapistId", h."startMinute"), '[]')
                      FROM generate_series(${first}::date, ${last}::date, interval '1 day') d("day")
                      JOIN "WeeklyHours" h ON h."weekday" = extract(isodow FROM d."day")
                       AND (h."validFrom" IS NULL OR h."validFrom" <= d."day") AND (h."validUntil" IS NULL OR h."validUntil" >= d."day")
                     WHERE h."therapistId" IN (SELECT "id" FROM "th") AND h."locationId" = ${query.location}::uuid),
      ',"timeOff":', (SELECT coalesce(json_agg(json_build_object('therapistId', o."therapistId"::text, 'start', ${isoInZone(Prisma.sql`o."startsAt"`, zone)},
                                                                'end', ${isoInZone(Prisma.sql`o."endsAt"`, zone)}, 'kind', o."kind")
                                              ORDER BY o."startsAt", o."therapistId"), '[]')
                        FROM "TimeOff" o
                       WHERE o."therapistId" IN (SELECT "id" FROM "th") AND o."startsAt" < ${wideUntil} AND o."endsAt" > ${wideFrom}
                         AND o."startsAt" < (SELECT "until" FROM "bounds") AND o."endsAt" > (SELECT "from" FROM "bounds")),
      -- Each card as CalendarAppointmentDto, written out directly: flags
      -- that are rarely set are left out when false, and so is a payment
      -- state with nothing to show (see paymentState).
      ',"appointments":[', (SELECT string_agg(concat(
                               '{"id":"', v."id", '","therapistId":"', v."therapistId",
                               '","start":"', ${isoOf(Prisma.sql`v."startsAt"`, Prisma.sql`v."localStart"`)}, '","end":"', ${isoOf(Prisma.sql`v."endsAt"`, Prisma.sql`v."localEnd"`)},
                               '","status":"', v."status", '","mode":"', v."mode", '","serviceId":"', v."serviceId",
                               '","patientName":', to_json(v."firstName" || ' ' || v."lastName"), ',"room":', coalesce(to_json(v."room")::text, 'null'),
                               ',"updatedAt":"', to_char(v."updatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '"',
                               CASE WHEN v."locationId" <> loc."id" THEN ',"elsewhere":true' END,
                               CASE WHEN v."patientConfirmedAt" IS NOT NULL THEN ',"patientConfirmed":true' END,
                               CASE WHEN v."changeRequestedAt" IS NOT NULL THEN ',"changeRequested":true' END,
                               CASE WHEN v."refunded" > 0 THEN ',"payment":"refunded"'
                                    WHEN v."taken" > 0 THEN CASE WHEN v."taken" < v."priceCents" THEN ',"payment":"deposit"' ELSE ',"payment":"paid"' END
                                    WHEN v."paymentMethodId" IS NOT NULL THEN ',"payment":"card"'
                                    WHEN v."priceCents" > 0 AND v."paymentRule" <> 'NONE' THEN ',"payment":"due"' END,
                               '}'), ',' ORDER BY v."startsAt", v."id")
                             FROM "visits" v),
      -- Times held while a patient pays online: the time only, never who (the
      -- desk must not book over them, and need not know more). An expired
      -- hold is gone from the board whether or not it was marked lapsed.
      '],"holds":', (SELECT coalesce(json_agg(json_build_object('therapistId', a."therapistId"::text, 'start', ${isoInZone(Prisma.sql`a."startsAt"`, zone)},
                                                               'end', ${isoInZone(Prisma.sql`a."endsAt"`, zone)}, 'until', ${isoInZone(Prisma.sql`a."holdExpiresAt"`, zone)})
                                             ORDER BY a."startsAt", a."therapistId"), '[]')
                       FROM "Appointment" a
                      WHERE a."therapistId" IN (SELECT "id" FROM "th")
                        AND a."status" = 'HELD' AND a."holdExpiresAt" > now()
                        AND a."startsAt" > ${wideStartsAfter} AND a."startsAt" < ${wideUntil} AND a."endsAt" > ${wideFrom}
                        AND a."startsAt" > (SELECT "from" FROM "bounds") - interval '1 day' AND a."startsAt" < (SELECT "until" FROM "bounds")
                        AND a."endsAt" > (SELECT "from" FROM "bounds")),
      -- The services that can be booked; and every service by name, retired ones too: a visit names its service by id.
      ',"services":', (SELECT coalesce(json_agg(json_build_object('id', s."id"::text, 'name', s."nameEn", 'durationMinutes', s."durationMinutes", 'visitModes', s."visitModes")
                                               ORDER BY s."sortOrder"), '[]')
                         FROM "Service" s WHERE s."active"),
      ',"serviceNames":', (SELECT coalesce(json_object_agg(s."id"::text, s."nameEn" ORDER BY s."sortOrder"), '{}') FROM "Service" s),
      '}') AS "body"
      FROM "loc"`;
  if (!row) throw new AppError("NOT_FOUND", "That location does not exist.");
  return row.body;
}

/** The zone's offset from UTC at an instant, as an interval (the wall clock minus UTC). */
function offsetAt(instant: Prisma.Sql, zone: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((${instant} AT TIME ZONE ${zone}) - (${instant} AT TIME ZONE 'UTC'))`;
}

/**
 * An instant as ISO 8601 with the zone's offset at that instant, seconds
 * truncated, e.g. 2026-11-23T09:00:00-07:00: what formatInstantWithOffset
 * writes. to_char, not a cast to text, so the database's DateStyle cannot
 * change it.
 */
function isoInZone(instant: Prisma.Sql, zone: Prisma.Sql): Prisma.Sql {
  return isoOf(instant, Prisma.sql`(${instant} AT TIME ZONE ${zone})`);
}

/** isoInZone for an instant whose wall-clock time in the zone (`local`) was already worked out. */
function isoOf(instant: Prisma.Sql, local: Prisma.Sql): Prisma.Sql {
  const utc = Prisma.sql`(${instant} AT TIME ZONE 'UTC')`;
  return Prisma.sql`(to_char(${local}, 'YYYY-MM-DD"T"HH24:MI:SS')
    || CASE WHEN ${local} < ${utc} THEN '-' || to_char(${utc} - ${local}, 'HH24:MI') ELSE '+' || to_char(${local} - ${utc}, 'HH24:MI') END)`;
}

/**
 * What a visit's panel on the calendar shows beyond its card: the patient's
 * record and phone, how the visit was booked, and whether the clinic must
 * follow it up. For the same people as the board, and audited with the
 * patient named, since it shows one patient's contact details. A cancelled
 * visit still answers: the panel may be open on a visit another desk has
 * just cancelled.
 */
export async function openCalendarVisit(staff: StaffMember, appointmentId: string, ctx: CalendarReadContext): Promise<CalendarVisitDto> {
  if (staff.role !== "ADMIN" && staff.role !== "FRONT_DESK") throw new AppError("FORBIDDEN", "The calendar is for the front desk and administrators.");
  return getPrisma().$transaction(async (tx) => {
    const visit = await tx.appointment.findUnique({
      // A held time shows on the board without its patient; its panel does not open either.
      where: { id: appointmentId, status: visitStatusFilter() },
      select: { id: true, source: true, eligibilityFollowUp: true, patient: { select: { id: true, firstName: true, lastName: true, phone: true } } },
    });
    if (!visit) throw new AppError("NOT_FOUND", "That visit does not exist.");
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "calendar.visit.view",
      entity: "Appointment",
      entityId: visit.id,
      patientId: visit.patient.id,
      ipAddress: ctx.ipAddress,
    });
    return {
      id: visit.id,
      patient: { id: visit.patient.id, name: `${visit.patient.firstName} ${visit.patient.lastName}`, phone: visit.patient.phone },
      source: visit.source,
      eligibilityFollowUp: visit.eligibilityFollowUp,
    };
  });
}
