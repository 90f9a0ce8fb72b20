import "server-only";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { formatInstantWithOffset, isoWeekday, localDateRange, zonedDayBounds } from "../scheduling/zone-time";
import type { CalendarDto, CalendarQuery } from "./schema";

const DAY_MS = 86_400_000;

/** Monday of the week holding `date` (weeks run Monday to Sunday). */
function weekDates(date: string): string[] {
  const monday = new Date(Date.parse(`${date}T00:00:00Z`) - (isoWeekday(date) - 1) * DAY_MS).toISOString().slice(0, 10);
  const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
  return localDateRange(monday, sunday);
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
  const [location, locations] = await Promise.all([
    prisma.location.findFirst({ where: { id: query.location, active: true } }),
    prisma.location.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  if (!location) throw new AppError("NOT_FOUND", "That location does not exist or is closed.");
  const zone = location.timeZone;
  const dates = query.view === "week" ? weekDates(query.date) : [query.date];
  const from = zonedDayBounds(dates[0]!, zone).start;
  const until = zonedDayBounds(dates[dates.length - 1]!, zone).end;

  const therapists = await prisma.therapist.findMany({
    where: { active: true, locations: { some: { locationId: location.id } } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true, credentials: true, visitModes: true },
  });
  const therapistIds = therapists.map((t) => t.id);
  const [hours, timeOff, appointments, services] = await Promise.all([
    prisma.weeklyHours.findMany({ where: { therapistId: { in: therapistIds }, locationId: location.id } }),
    prisma.timeOff.findMany({ where: { therapistId: { in: therapistIds }, startsAt: { lt: new Date(until) }, endsAt: { gt: new Date(from) } } }),
    prisma.appointment.findMany({
      where: { therapistId: { in: therapistIds }, status: { not: "CANCELLED" }, startsAt: { lt: new Date(until) }, endsAt: { gt: new Date(from) } },
      include: { service: { select: { id: true, nameEn: true } }, patient: { select: { id: true, firstName: true, lastName: true, phone: true } }, room: { select: { name: true } } },
      orderBy: { startsAt: "asc" },
    }),
    prisma.service.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } }),
  ]);

  return {
    location: { id: location.id, name: location.name, timeZone: zone },
    locations,
    view: query.view,
    dates,
    therapists: therapists.map((t) => ({ id: t.id, name: `${t.firstName} ${t.lastName}`, credentials: t.credentials, visitModes: t.visitModes })),
    hours: dates.flatMap((date) =>
      hours
        .filter((h) => h.weekday === isoWeekday(date))
        .filter((h) => (!h.validFrom || h.validFrom.toISOString().slice(0, 10) <= date) && (!h.validUntil || h.validUntil.toISOString().slice(0, 10) >= date))
        .map((h) => ({ therapistId: h.therapistId, date, startMinute: h.startMinute, endMinute: h.endMinute, visitModes: h.visitModes })),
    ),
    timeOff: timeOff.map((t) => ({
      therapistId: t.therapistId,
      start: formatInstantWithOffset(t.startsAt.getTime(), zone),
      end: formatInstantWithOffset(t.endsAt.getTime(), zone),
      kind: t.kind,
    })),
    appointments: appointments.map((a) => ({
      id: a.id,
      therapistId: a.therapistId,
      start: formatInstantWithOffset(a.startsAt.getTime(), zone),
      end: formatInstantWithOffset(a.endsAt.getTime(), zone),
      status: a.status,
      mode: a.mode,
      source: a.source,
      service: { id: a.service.id, name: a.service.nameEn },
      patient: { id: a.patient.id, name: `${a.patient.firstName} ${a.patient.lastName}`, phone: a.patient.phone },
      room: a.room?.name ?? null,
      elsewhere: a.locationId !== location.id,
      updatedAt: a.updatedAt.toISOString(),
    })),
    services: services.map((s) => ({ id: s.id, name: s.nameEn, durationMinutes: s.durationMinutes, visitModes: s.visitModes })),
  };
}
