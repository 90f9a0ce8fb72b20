import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember } from "../../test/fixtures";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { listTherapistsForSchedules, loadTherapistSchedule } from "./data";
import { createTimeOff, createWeeklyHours, deleteTimeOff, deleteWeeklyHours, updateHomeArea, updateWeeklyHours } from "./mutations";

// Every exported read and write checks the caller itself: the page's gate is
// not the only one. Administrators and the front desk may; a therapist may
// not, not even for their own schedule.

const NOW = new Date("2026-10-26T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };

type Practice = Awaited<ReturnType<typeof createPractice>>;
/** Sets up what the call needs, then hands back the call itself, so only the call is measured. */
type Prepare = (p: Practice) => Promise<(staff: StaffMember) => Promise<unknown>>;

const CALLS: Record<string, Prepare> = {
  listTherapistsForSchedules: async () => (staff) => listTherapistsForSchedules(staff),
  loadTherapistSchedule: async (p) => (staff) => loadTherapistSchedule(staff, p.therapists[0]!.id, NOW),
  createWeeklyHours: async (p) => (staff) =>
    createWeeklyHours(staff, { therapistId: p.therapists[0]!.id, locationId: p.location.id, weekday: 6, start: "09:00", end: "10:00", visitModes: ["CLINIC"] }, ctx),
  updateWeeklyHours: async (p) => {
    const block = await getPrisma().weeklyHours.findFirstOrThrow({ where: { therapistId: p.therapists[0]!.id } });
    const input = { id: block.id, therapistId: block.therapistId, locationId: block.locationId, weekday: block.weekday, start: "07:00", end: "12:00", visitModes: ["CLINIC" as const] };
    return (staff) => updateWeeklyHours(staff, input, ctx);
  },
  deleteWeeklyHours: async (p) => {
    const block = await getPrisma().weeklyHours.findFirstOrThrow({ where: { therapistId: p.therapists[0]!.id } });
    return (staff) => deleteWeeklyHours(staff, { id: block.id }, ctx);
  },
  createTimeOff: async (p) => (staff) =>
    createTimeOff(staff, { therapistId: p.therapists[0]!.id, locationId: p.location.id, kind: "TIME_OFF", span: "days", firstDay: "2026-11-20", lastDay: "2026-11-20" }, ctx),
  deleteTimeOff: async (p) => {
    const row = await getPrisma().timeOff.create({
      data: { therapistId: p.therapists[0]!.id, startsAt: new Date("2026-11-10T14:00:00Z"), endsAt: new Date("2026-11-10T15:00:00Z") },
    });
    return (staff) => deleteTimeOff(staff, { id: row.id }, ctx);
  },
  updateHomeArea: async (p) => (staff) => updateHomeArea(staff, { locationId: p.location.id, postalCodes: "79912 79922", travelMinutes: 25 }, ctx),
};

async function practice() {
  return createPractice({ timeZone: "America/Chicago", hours: [{ weekdays: [1], startMinute: 480, endMinute: 720, visitModes: ["CLINIC"] }] });
}

async function footprint(p: Practice) {
  const prisma = getPrisma();
  const therapistId = p.therapists[0]!.id;
  return {
    hours: await prisma.weeklyHours.findMany({ where: { therapistId }, orderBy: { id: "asc" } }),
    timeOff: await prisma.timeOff.findMany({ where: { therapistId }, orderBy: { id: "asc" } }),
    location: await prisma.location.findUniqueOrThrow({ where: { id: p.location.id } }),
    audit: await prisma.auditLog.count(),
  };
}

describe.each(Object.entries(CALLS))("%s", (_name, prepare) => {
  it.each(["ADMIN", "FRONT_DESK"] as const)("is allowed for %s", async (role) => {
    const p = await practice();
    const call = await prepare(p);
    await expect(call(await createStaffMember(role))).resolves.toBeTruthy();
  });

  it("is refused to a therapist, even for their own schedule, and changes nothing", async () => {
    const p = await practice();
    const therapist = await createStaffMember("THERAPIST", p.therapists[0]!.id);
    const call = await prepare(p);
    const before = await footprint(p);
    const error = await call(therapist).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
    expect(await footprint(p)).toEqual(before);
  });
});
