import "server-only";
import { z } from "zod";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import { assertMayManageSchedules } from "./access";
import type { ScheduleLocation, TherapistChoice, TherapistScheduleView } from "./types";
import { toWeeklyBlock } from "../booking/data";

const LOCATION_FIELDS = { id: true, name: true, timeZone: true, country: true, homePostalCodes: true, homeTravelMinutes: true } as const;

/** Therapists whose schedules can be managed, by last name. */
export async function listTherapistsForSchedules(staff: StaffMember): Promise<TherapistChoice[]> {
  assertMayManageSchedules(staff);
  return getPrisma().therapist.findMany({
    where: { active: true },
    select: { id: true, firstName: true, lastName: true, credentials: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
}

/**
 * One therapist's locations, weekly hours and the time off that has not
 * ended by `now`; null when there is no such therapist. Read straight from
 * the tables, as online booking reads them.
 */
export async function loadTherapistSchedule(staff: StaffMember, therapistId: string, now: Date): Promise<TherapistScheduleView | null> {
  assertMayManageSchedules(staff);
  if (!z.uuid().safeParse(therapistId).success) return null;
  const prisma = getPrisma();
  const therapist = await prisma.therapist.findUnique({
    where: { id: therapistId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      credentials: true,
      visitModes: true,
      locations: { select: { location: { select: LOCATION_FIELDS } } },
      weeklyHours: { orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] },
      timeOff: { where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" } },
    },
  });
  if (!therapist) return null;

  const locations: ScheduleLocation[] = therapist.locations.map((l) => l.location);
  // Hours can outlive the therapist's link to a location; they still count online, so show them.
  const unlinked = [...new Set(therapist.weeklyHours.map((h) => h.locationId))].filter((id) => !locations.some((l) => l.id === id));
  if (unlinked.length > 0) {
    locations.push(...(await prisma.location.findMany({ where: { id: { in: unlinked } }, select: LOCATION_FIELDS })));
  }
  locations.sort((a, b) => a.name.localeCompare(b.name));
  const timeZone = locations[0]?.timeZone ?? "UTC";

  return {
    therapist: {
      id: therapist.id,
      firstName: therapist.firstName,
      lastName: therapist.lastName,
      credentials: therapist.credentials,
      visitModes: therapist.visitModes,
    },
    locations,
    timeZone,
    weeklyHours: therapist.weeklyHours.map((h) => ({ id: h.id, locationId: h.locationId, ...toWeeklyBlock(h) })),
    timeOff: therapist.timeOff.map((t) => ({
      id: t.id,
      kind: t.kind,
      startsAt: formatInstantWithOffset(t.startsAt.getTime(), timeZone),
      endsAt: formatInstantWithOffset(t.endsAt.getTime(), timeZone),
      note: t.note,
    })),
  };
}
