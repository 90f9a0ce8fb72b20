import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { formatInstantWithOffset, isoWeekday, localDateRange, zonedDayBounds } from "../scheduling/zone-time";
import type { CalendarAppointmentDto, CalendarDto, CalendarQuery } from "./schema";

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
const BOARD_FORMAT = 1;

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
 * request can read them in the same statement as its session.
 */
export function boardStampsSql(locationId: string): Prisma.Sql {
  return Prisma.sql`(SELECT string_agg(bv."scope" || '=' || bv."version", ',' ORDER BY bv."scope")
      FROM "BoardVersion" bv
     WHERE bv."scope" = 'practice'
        OR bv."scope" IN (SELECT tl."therapistId"::text FROM "TherapistLocation" tl WHERE tl."locationId" = ${locationId}::uuid))`;
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
 * The board for a person at the desk: read, then written to the audit log
 * (it shows patients' names and phones) before it is returned. The detail
 * names the board, never a patient.
 */
export async function openCalendar(staff: StaffMember, query: CalendarQuery, ctx: CalendarReadContext): Promise<CalendarDto> {
  const board = await loadCalendar(staff, query);
  await recordAudit(getPrisma(), {
    staffUserId: staff.id,
    actor: staff.email,
    action: "calendar.view",
    entity: "Location",
    entityId: board.location.id,
    ipAddress: ctx.ipAddress,
    detail: { location: board.location.id, view: board.view, date: query.date },
  });
  return board;
}

/**
 * One location's calendar for a day or a week, read in the location's zone:
 * its therapists, their working blocks and time off, and every visit they
 * have in that time (visits at another location are marked, since they keep
 * the therapist busy here too). For the front desk and administrators only.
 */
export async function loadCalendar(staff: StaffMember, query: CalendarQuery): Promise<CalendarDto> {
  if (staff.role !== "ADMIN" && staff.role !== "FRONT_DESK") throw new AppError("FORBIDDEN", "The calendar is for the front desk and administrators.");
  const prisma = getPrisma();
  // Everything that depends only on the request, in one round.
  const [location, locations, therapists, services] = await Promise.all([
    prisma.location.findFirst({ where: { id: query.location, active: true }, select: { id: true, name: true, timeZone: true } }),
    prisma.location.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.therapist.findMany({
      where: { active: true, locations: { some: { locationId: query.location } } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      select: { id: true, firstName: true, lastName: true, credentials: true, visitModes: true },
    }),
    prisma.service.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, nameEn: true, durationMinutes: true, visitModes: true } }),
  ]);
  if (!location) throw new AppError("NOT_FOUND", "That location does not exist or is closed.");
  const zone = location.timeZone;
  const dates = boardDates(query);
  const from = zonedDayBounds(dates[0]!, zone).start;
  const until = zonedDayBounds(dates[dates.length - 1]!, zone).end;
  const therapistIds = therapists.map((t) => t.id);

  const [hours, timeOff, appointments] = await Promise.all([
    prisma.weeklyHours.findMany({
      where: { therapistId: { in: therapistIds }, locationId: location.id },
      select: { therapistId: true, weekday: true, startMinute: true, endMinute: true, visitModes: true, validFrom: true, validUntil: true },
    }),
    prisma.timeOff.findMany({
      where: { therapistId: { in: therapistIds }, startsAt: { lt: new Date(until) }, endsAt: { gt: new Date(from) } },
      select: { therapistId: true, startsAt: true, endsAt: true, kind: true },
    }),
    loadVisits(therapistIds, from, until),
  ]);

  return {
    location: { id: location.id, name: location.name, timeZone: zone },
    locations,
    view: query.view,
    dates,
    therapists: therapists.map((t) => ({ id: t.id, name: `${t.firstName} ${t.lastName}`, credentials: t.credentials, visitModes: t.visitModes })),
    hours: dates.flatMap((date) => {
      const weekday = isoWeekday(date);
      return hours
        .filter((h) => h.weekday === weekday)
        .filter((h) => (!h.validFrom || h.validFrom.toISOString().slice(0, 10) <= date) && (!h.validUntil || h.validUntil.toISOString().slice(0, 10) >= date))
        .map((h) => ({ therapistId: h.therapistId, date, startMinute: h.startMinute, endMinute: h.endMinute, visitModes: h.visitModes }));
    }),
    timeOff: timeOff.map((t) => ({
      therapistId: t.therapistId,
      start: formatInstantWithOffset(t.startsAt.getTime(), zone),
      end: formatInstantWithOffset(t.endsAt.getTime(), zone),
      kind: t.kind,
    })),
    appointments: appointments.map((a) => ({
      id: a.id,
      therapistId: a.therapistId,
      start: formatInstantWithOffset(a.start, zone),
      end: formatInstantWithOffset(a.end, zone),
      status: a.status,
      mode: a.mode,
      source: a.source,
      eligibilityFollowUp: a.eligibilityFollowUp,
      service: { id: a.serviceId, name: a.serviceName },
      patient: { id: a.patientId, name: a.patientName, phone: a.patientPhone },
      room: a.room,
      elsewhere: a.locationId !== location.id,
      updatedAt: new Date(a.updatedAt).toISOString(),
    })),
    services: services.map((s) => ({ id: s.id, name: s.nameEn, durationMinutes: s.durationMinutes, visitModes: s.visitModes })),
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
  source: CalendarAppointmentDto["source"];
  eligibilityFollowUp: boolean;
  updatedAt: number;
  serviceId: string;
  serviceName: string;
  patientId: string;
  patientName: string;
  patientPhone: string;
  room: string | null;
}

/**
 * The visits on the board in one joined query with only the columns it
 * shows: with 500 visits in a week, building Prisma's nested objects cost
 * more than everything else in the request. Epochs come back as float8 so no
 * Date is made per row; the lower "startsAt" bound (no visit lasts a day)
 * keeps the (therapistId, startsAt) index scan to the week.
 */
function loadVisits(therapistIds: string[], from: number, until: number): Promise<VisitRow[]> {
  return getPrisma().$queryRaw<VisitRow[]>`
    SELECT a."id"::text AS "id", a."therapistId"::text AS "therapistId", a."locationId"::text AS "locationId",
           (extract(epoch FROM a."startsAt") * 1000)::float8 AS "start",
           (extract(epoch FROM a."endsAt") * 1000)::float8 AS "end",
           a."status"::text AS "status", a."mode"::text AS "mode", a."source"::text AS "source",
           a."eligibilityFollowUp",
           (extract(epoch FROM a."updatedAt") * 1000)::float8 AS "updatedAt",
           s."id"::text AS "serviceId", s."nameEn" AS "serviceName",
           p."id"::text AS "patientId", p."firstName" || ' ' || p."lastName" AS "patientName", p."phone" AS "patientPhone",
           r."name" AS "room"
      FROM "Appointment" a
      JOIN "Service" s ON s."id" = a."serviceId"
      JOIN "Patient" p ON p."id" = a."patientId"
      LEFT JOIN "Room" r ON r."id" = a."roomId"
     WHERE a."therapistId" = ANY(${therapistIds}::uuid[])
       AND a."status" <> 'CANCELLED'
       AND a."startsAt" > ${new Date(from - DAY_MS)} AND a."startsAt" < ${new Date(until)}
       AND a."endsAt" > ${new Date(from)}
     ORDER BY a."startsAt", a."id"`;
}
