import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, uniq } from "../../test/fixtures";
import { bookForCaller } from "../appointments/mutations";
import { getPrisma } from "../db/client";
import type { AppointmentStatus, CarePlanStatus } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { openFollowUp } from "./follow-up";

const NOW = new Date("2026-12-10T18:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
const DAY_MS = 86_400_000;

// Plans of 2 visits a week for 6 weeks (12 prescribed) at a Chicago location,
// with visits written straight to the table: what the list reads is the
// plan's visits and their statuses, not how they were booked.
async function setup() {
  const practice = await createPractice({ timeZone: "America/Chicago" });
  const therapist = practice.therapists[0]!;
  const desk = await createStaffMember("FRONT_DESK");
  const prisma = getPrisma();
  let slot = 0;
  const plan = async (options: { startsOn: string; weeks?: number; status?: CarePlanStatus; visits: { daysFromNow: number; status: AppointmentStatus }[] }) => {
    const patient = await prisma.patient.create({
      data: { firstName: uniq("Follow"), lastName: "Up", email: `${uniq("fu")}@example.com`, phone: "+19155550100", dateOfBirth: new Date("1985-05-06") },
    });
    const carePlan = await prisma.carePlan.create({
      data: {
        patientId: patient.id,
        therapistId: therapist.id,
        serviceId: practice.service.id,
        locationId: practice.location.id,
        mode: "CLINIC",
        treats: "Runner's knee",
        visitsPerWeek: 2,
        weeks: options.weeks ?? 6,
        preferredWeekdays: [1, 4],
        windowStartMinute: 540,
        windowEndMinute: 600,
        startsOn: new Date(`${options.startsOn}T00:00:00Z`),
        status: options.status ?? "ACTIVE",
        createdByStaffId: desk.id,
      },
    });
    for (const v of options.visits) {
      // Each visit an hour apart from every other, so the therapist is never booked twice at once.
      const start = new Date(NOW.getTime() + v.daysFromNow * DAY_MS + slot++ * 3_600_000);
      const end = new Date(start.getTime() + 45 * 60_000);
      await prisma.appointment.create({
        data: {
          patientId: patient.id,
          therapistId: therapist.id,
          serviceId: practice.service.id,
          locationId: practice.location.id,
          mode: "CLINIC",
          startsAt: start,
          endsAt: end,
          blockedFrom: start,
          blockedUntil: end,
          status: v.status,
          source: "STAFF",
          manageTokenHash: randomUUID(),
          manageTokenExpiresAt: new Date(end.getTime() + 30 * DAY_MS),
          carePlanId: carePlan.id,
          ...(v.status === "CANCELLED" ? { cancelledAt: NOW } : {}),
        },
      });
    }
    return { patient, carePlan };
  };
  return { practice, therapist, desk, plan };
}

const attended = (daysFromNow: number) => ({ daysFromNow, status: "COMPLETED" as const });
const ahead = (daysFromNow: number) => ({ daysFromNow, status: "BOOKED" as const });

describe("the desk's follow-up list", () => {
  it("lists the plans short of visits or with none ahead, oldest gap first, and leaves out full, cancelled and ended plans", async () => {
    const { desk, plan } = await setup();
    // Two attended, ten ahead: every prescribed visit is booked.
    const full = await plan({ startsOn: "2026-11-30", visits: [attended(-9), attended(-6), ...Array.from({ length: 10 }, (_, i) => ahead(1 + i * 3))] });
    // Two attended, none ahead: 2 of 12, and nothing upcoming.
    const stalled = await plan({ startsOn: "2026-11-30", visits: [attended(-8), attended(-5)] });
    // Never attended, one visit ahead and a cancelled one: its gap runs from its first day, the oldest.
    const unstarted = await plan({ startsOn: "2026-11-23", visits: [ahead(2), { daysFromNow: -1, status: "CANCELLED" }] });
    // A cancelled plan and one whose last week is over are nobody's follow-up.
    const cancelled = await plan({ startsOn: "2026-11-30", status: "CANCELLED", visits: [attended(-7)] });
    const ended = await plan({ startsOn: "2026-10-26", weeks: 2, visits: [attended(-40)] });

    const rows = await openFollowUp(desk, ctx);
    const ours = rows.filter((r) => [full, stalled, unstarted, cancelled, ended].some((p) => p.carePlan.id === r.carePlanId));
    expect(ours.map((r) => r.carePlanId)).toEqual([unstarted.carePlan.id, stalled.carePlan.id]);

    const [first, second] = ours;
    expect(first).toMatchObject({ patientId: unstarted.patient.id, prescribed: 12, attended: 0, bookedAhead: 1, lastVisitAt: null, treats: "Runner's knee", mode: "CLINIC" });
    // Midnight of the plan's first day in Chicago (UTC−6 in November).
    expect(first!.gapSince.toISOString()).toBe("2026-11-23T06:00:00.000Z");
    expect(second).toMatchObject({ patientId: stalled.patient.id, prescribed: 12, attended: 2, bookedAhead: 0 });
    expect(second!.lastVisitAt!.getTime()).toBe(second!.gapSince.getTime());
    expect(second!.gapSince.getTime()).toBeGreaterThan(NOW.getTime() - 6 * DAY_MS);

    // The read is audited with every patient it showed.
    const audit = await getPrisma().auditLog.findFirst({ where: { staffUserId: desk.id, action: "care-plan.follow-up.view" }, include: { patients: true } });
    expect(audit).not.toBeNull();
    expect(audit!.patients.map((p) => p.patientId)).toEqual(expect.arrayContaining([unstarted.patient.id, stalled.patient.id]));
  });

  it("lists a plan again once a visit booked ahead is cancelled", async () => {
    const { desk, plan } = await setup();
    const series = await plan({ startsOn: "2026-12-07", visits: Array.from({ length: 12 }, (_, i) => ahead(1 + i * 3)) });
    const listed = async () => (await openFollowUp(desk, ctx)).some((r) => r.carePlanId === series.carePlan.id);
    expect(await listed()).toBe(false);
    const one = await getPrisma().appointment.findFirstOrThrow({ where: { carePlanId: series.carePlan.id }, orderBy: { startsAt: "desc" } });
    await getPrisma().appointment.update({ where: { id: one.id }, data: { status: "CANCELLED", cancelledAt: NOW } });
    expect(await listed()).toBe(true);
  });

  it("counts the next visit the desk books for the plan, and refuses a plan that is not the patient's", async () => {
    const { practice, therapist, desk, plan } = await setup();
    const week = await plan({ startsOn: "2026-12-07", weeks: 1, visits: [attended(-2)] });
    const other = await plan({ startsOn: "2026-12-07", weeks: 1, visits: [] });
    const listed = async () => (await openFollowUp(desk, ctx)).some((r) => r.carePlanId === week.carePlan.id);
    expect(await listed()).toBe(true);
    const next = (carePlanId: string, start: string) =>
      bookForCaller(desk, { serviceId: practice.service.id, locationId: practice.location.id, therapistId: therapist.id, mode: "CLINIC", start, patientId: week.patient.id, carePlanId }, ctx);

    const refused = await next(other.carePlan.id, "2026-12-11T10:00:00-06:00").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("VALIDATION_FAILED");
    expect(await getPrisma().appointment.count({ where: { patientId: week.patient.id, status: "BOOKED" } })).toBe(0);

    const booked = await next(week.carePlan.id, "2026-12-11T10:00:00-06:00");
    expect(booked.appointment.carePlanId).toBe(week.carePlan.id);
    expect(await listed()).toBe(false);
  });

  it("refuses a therapist", async () => {
    const { therapist } = await setup();
    const own = await createStaffMember("THERAPIST", therapist.id);
    await expect(openFollowUp(own, ctx)).rejects.toSatisfy((e) => e instanceof AppError && e.code === "FORBIDDEN");
    expect(await getPrisma().auditLog.count({ where: { staffUserId: own.id } })).toBe(0);
  });
});
