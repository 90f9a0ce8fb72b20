import "server-only";
import { createHash } from "node:crypto";
import { auditInsertSql, recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { visitStatusFilter } from "../db/appointment-status";
import { getPrisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { formatInstantWithOffset, isoWeekday, localDateRange, zonedDayBounds } from "../scheduling/zone-time";
import type { CalendarAppointmentDto, CalendarDto, CalendarQuery, CalendarVisitDto, VisitPaymentState } from "./schema";

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
 * The board for a person at the desk, written to the audit log (it shows
 * patients' names) in the statement that reads it: the row is
 * written only when the board is found, and commits before the board is
 * returned. The detail names the board, never a patient.
 */
export async function openCalendar(staff: StaffMember, query: CalendarQuery, ctx: CalendarReadContext): Promise<CalendarDto> {
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
  return readCalendar(staff, query, audit);
}

/** The board without an audit row, for callers that are not showing it to anyone. */
export function loadCalendar(staff: StaffMember, query: CalendarQuery): Promise<CalendarDto> {
  return readCalendar(staff, query, null);
}

/**
 * One location's calendar for a day or a week, read in the location's zone:
 * its therapists, their working blocks and time off, and every visit they
 * have in that time (visits at another location are marked, since they keep
 * the therapist busy here too). For the front desk and administrators only.
 *
 * Read in one statement (each part aggregated to JSON by PostgreSQL): the
 * desk polls the board, and ten queries cost ten round trips and ten times a
 * query's fixed cost. The zone is only known once the location is read, so
 * time off and visits are read for a UTC window wider than any zone's days
 * and cut to the location's own days here.
 */
async function readCalendar(staff: StaffMember, query: CalendarQuery, audit: Prisma.Sql | null): Promise<CalendarDto> {
  if (staff.role !== "ADMIN" && staff.role !== "FRONT_DESK") throw new AppError("FORBIDDEN", "The calendar is for the front desk and administrators.");
  const dates = boardDates(query);
  // Local midnights lie within 14 hours of the same UTC midnights; a visit
  // may start up to a day before the board's first day and still show.
  const firstUtc = Date.parse(`${dates[0]!}T00:00:00Z`);
  const wideFrom = new Date(firstUtc - DAY_MS);
  const wideStartsAfter = new Date(firstUtc - 2 * DAY_MS);
  const wideUntil = new Date(Date.parse(`${dates[dates.length - 1]!}T00:00:00Z`) + 2 * DAY_MS);
  const [board] = await getPrisma().$queryRaw<BoardRow[]>`
    WITH ${audit ? Prisma.sql`"audit" AS (${audit}),` : Prisma.empty} "th" AS (
      SELECT t."id", t."firstName", t."lastName", t."credentials", t."visitModes"
        FROM "Therapist" t
       WHERE t."active" AND EXISTS (SELECT 1 FROM "TherapistLocation" tl WHERE tl."therapistId" = t."id" AND tl."locationId" = ${query.location}::uuid)
    )
    SELECT
      -- A closed location's board still opens (by its address): its visits, past and still to move, stay in view.
      (SELECT json_build_object('id', l."id"::text, 'name', l."name", 'timeZone', l."timeZone", 'active', l."active")
         FROM "Location" l WHERE l."id" = ${query.location}::uuid) AS "location",
      (SELECT coalesce(json_agg(json_build_object('id', l."id"::text, 'name', l."name") ORDER BY l."name"), '[]')
         FROM "Location" l WHERE l."active") AS "locations",
      (SELECT coalesce(json_agg(json_build_object('id', th."id"::text, 'firstName', th."firstName", 'lastName', th."lastName",
                                                  'credentials', th."credentials", 'visitModes', th."visitModes")
                                ORDER BY th."lastName", th."firstName"), '[]')
         FROM "th") AS "therapists",
      -- Every service, retired ones too: a visit names its service by id.
      (SELECT coalesce(json_agg(json_build_object('id', s."id"::text, 'nameEn', s."nameEn", 'durationMinutes', s."durationMinutes", 'visitModes', s."visitModes",
                                                  'active', s."active", 'priceCents', s."priceCents", 'paymentRule', s."paymentRule")
                                ORDER BY s."sortOrder"), '[]')
         FROM "Service" s) AS "services",
      (SELECT coalesce(json_agg(json_build_object('therapistId', h."therapistId"::text, 'weekday', h."weekday", 'startMinute', h."startMinute",
                                                  'endMinute', h."endMinute", 'visitModes', h."visitModes",
                                                  'validFrom', to_char(h."validFrom", 'YYYY-MM-DD'), 'validUntil', to_char(h."validUntil", 'YYYY-MM-DD'))), '[]')
         FROM "WeeklyHours" h WHERE h."therapistId" IN (SELECT "id" FROM "th") AND h."locationId" = ${query.location}::uuid) AS "hours",
      (SELECT coalesce(json_agg(json_build_object('therapistId', o."therapistId"::text, 'kind', o."kind",
                                                  'start', (extract(epoch FROM o."startsAt") * 1000)::float8, 'end', (extract(epoch FROM o."endsAt") * 1000)::float8)), '[]')
         FROM "TimeOff" o
        WHERE o."therapistId" IN (SELECT "id" FROM "th") AND o."startsAt" < ${wideUntil} AND o."endsAt" > ${wideFrom}) AS "timeOff",
      (SELECT coalesce(json_agg(json_build_array(
                a."id", a."therapistId", a."locationId",
                (extract(epoch FROM a."startsAt") * 1000)::int8, (extract(epoch FROM a."endsAt") * 1000)::int8,
                a."status", a."mode", (extract(epoch FROM a."updatedAt") * 1000)::int8,
                a."serviceId", p."firstName" || ' ' || p."lastName", r."name",
                a."patientConfirmedAt" IS NOT NULL, a."changeRequestedAt" IS NOT NULL,
                m."taken", m."refunded", a."paymentMethodId" IS NOT NULL)
              ORDER BY a."startsAt", a."id"), '[]')
         FROM "Appointment" a
         JOIN "Patient" p ON p."id" = a."patientId"
         LEFT JOIN "Room" r ON r."id" = a."roomId"
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
          AND a."startsAt" > ${wideStartsAfter} AND a."startsAt" < ${wideUntil} AND a."endsAt" > ${wideFrom}) AS "visits",
      -- Times held while a patient pays online: the time only, never who (the
      -- desk must not book over them, and need not know more). An expired
      -- hold is gone from the board whether or not it was marked lapsed.
      (SELECT coalesce(json_agg(json_build_array(
                a."therapistId", (extract(epoch FROM a."startsAt") * 1000)::int8, (extract(epoch FROM a."endsAt") * 1000)::int8,
                (extract(epoch FROM a."holdExpiresAt") * 1000)::int8)
              ORDER BY a."startsAt", a."therapistId"), '[]')
         FROM "Appointment" a
        WHERE a."therapistId" IN (SELECT "id" FROM "th")
          AND a."status" = 'HELD' AND a."holdExpiresAt" > now()
          AND a."startsAt" > ${wideStartsAfter} AND a."startsAt" < ${wideUntil} AND a."endsAt" > ${wideFrom}) AS "holds"`;
  const location = board?.location;
  if (!board || !location) throw new AppError("NOT_FOUND", "That location does not exist.");
  const zone = location.timeZone;
  const from = zonedDayBounds(dates[0]!, zone).start;
  const until = zonedDayBounds(dates[dates.length - 1]!, zone).end;
  // The bounds the board shows, as the rows were read before: time off
  // overlapping the days, visits that started within a day before them (no
  // visit lasts a day) and end after their start.
  const timeOff = board.timeOff.filter((t) => t.start < until && t.end > from);
  const services = new Map(board.services.map((s) => [s.id, s]));
  const visits = board.visits.map(toVisit).filter((a) => a.start > from - DAY_MS && a.start < until && a.end > from);
  const holds = board.holds.filter(([, start, end]) => start > from - DAY_MS && start < until && end > from);

  return {
    location: { id: location.id, name: location.name, timeZone: zone },
    // The picker offers open locations only, and names a closed one while it is shown.
    locations: location.active ? board.locations : [...board.locations, { id: location.id, name: `${location.name} (closed)` }],
    view: query.view,
    dates,
    therapists: board.therapists.map((t) => ({ id: t.id, name: `${t.firstName} ${t.lastName}`, credentials: t.credentials, visitModes: t.visitModes })),
    hours: dates.flatMap((date) => {
      const weekday = isoWeekday(date);
      return board.hours
        .filter((h) => h.weekday === weekday)
        .filter((h) => (!h.validFrom || h.validFrom <= date) && (!h.validUntil || h.validUntil >= date))
        .map((h) => ({ therapistId: h.therapistId, date, startMinute: h.startMinute, endMinute: h.endMinute, visitModes: h.visitModes }));
    }),
    timeOff: timeOff.map((t) => ({
      therapistId: t.therapistId,
      start: formatInstantWithOffset(t.start, zone),
      end: formatInstantWithOffset(t.end, zone),
      kind: t.kind,
    })),
    appointments: visits.map((a) => {
      const card: CalendarAppointmentDto = {
        id: a.id,
        therapistId: a.therapistId,
        start: formatInstantWithOffset(a.start, zone),
        end: formatInstantWithOffset(a.end, zone),
        status: a.status,
        mode: a.mode,
        serviceId: a.serviceId,
        patientName: a.patientName,
        room: a.room,
        updatedAt: new Date(a.updatedAt).toISOString(),
      };
      if (a.locationId !== location.id) card.elsewhere = true;
      if (a.patientConfirmed) card.patientConfirmed = true;
      if (a.changeRequested) card.changeRequested = true;
      const payment = paymentState(a, services.get(a.serviceId));
      if (payment) card.payment = payment;
      return card;
    }),
    holds: holds.map(([therapistId, start, end, until]) => ({
      therapistId,
      start: formatInstantWithOffset(start, zone),
      end: formatInstantWithOffset(end, zone),
      until: formatInstantWithOffset(until, zone),
    })),
    services: board.services.filter((s) => s.active).map((s) => ({ id: s.id, name: s.nameEn, durationMinutes: s.durationMinutes, visitModes: s.visitModes })),
    serviceNames: Object.fromEntries(board.services.map((s) => [s.id, s.nameEn])),
  };
}

type Modes = CalendarDto["therapists"][number]["visitModes"];

interface BoardService {
  id: string;
  nameEn: string;
  durationMinutes: number;
  visitModes: Modes;
  active: boolean;
  priceCents: number;
  paymentRule: "NONE" | "FULL" | "DEPOSIT" | "CARD_ON_FILE";
}

/** The card's payment state (see VisitPaymentState); none for a visit with no money to speak of. */
function paymentState(visit: VisitRow, service: BoardService | undefined): VisitPaymentState | null {
  if (visit.refundedCents > 0) return "refunded";
  if (visit.takenCents > 0) return service && visit.takenCents < service.priceCents ? "deposit" : "paid";
  if (visit.cardSaved) return "card";
  if (service && service.priceCents > 0 && service.paymentRule !== "NONE") return "due";
  return null;
}

/** The board's statement's one row: each part as JSON, parsed by the driver. */
interface BoardRow {
  location: { id: string; name: string; timeZone: string; active: boolean } | null;
  locations: { id: string; name: string }[];
  therapists: { id: string; firstName: string; lastName: string; credentials: string; visitModes: Modes }[];
  services: BoardService[];
  hours: { therapistId: string; weekday: number; startMinute: number; endMinute: number; visitModes: Modes; validFrom: string | null; validUntil: string | null }[];
  timeOff: { therapistId: string; kind: CalendarDto["timeOff"][number]["kind"]; start: number; end: number }[];
  visits: VisitTuple[];
  holds: [therapistId: string, start: number, end: number, until: number][];
}

/**
 * A visit as the statement sends it: an array rather than an object, so
 * PostgreSQL writes (and the driver parses) no key 500 times over, and epochs
 * in whole milliseconds (the columns hold no finer), which print faster than
 * float8.
 */
type VisitTuple = [
  id: string,
  therapistId: string,
  locationId: string,
  start: number,
  end: number,
  status: VisitRow["status"],
  mode: VisitRow["mode"],
  updatedAt: number,
  serviceId: string,
  patientName: string,
  room: string | null,
  patientConfirmed: boolean,
  changeRequested: boolean,
  takenCents: number,
  refundedCents: number,
  cardSaved: boolean | null,
];

function toVisit(t: VisitTuple): VisitRow {
  const [id, therapistId, locationId, start, end, status, mode, updatedAt, serviceId, patientName, room, patientConfirmed, changeRequested, takenCents, refundedCents, cardSaved] = t;
  return {
    id, therapistId, locationId, start, end, status, mode, updatedAt, serviceId, patientName, room, patientConfirmed, changeRequested, takenCents, refundedCents, cardSaved: cardSaved === true,
  };
}

interface VisitRow {
  id: string;
  therapistId: string;
  locationId: string;
  start: number;
  end: number;
  status: CalendarAppointmentDto["status"];
  mode: CalendarAppointmentDto["mode"];
  updatedAt: number;
  serviceId: string;
  patientName: string;
  room: string | null;
  patientConfirmed: boolean;
  changeRequested: boolean;
  takenCents: number;
  refundedCents: number;
  cardSaved: boolean;
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
