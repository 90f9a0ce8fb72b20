import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import type { AppointmentStatus } from "../db/generated/enums";
import { readReports } from "./data";

// Each figure over a small practice made by hand, in New York's zone, where
// the answer can be worked out on paper. Every test owns its location and
// asks for it alone, so other files' rows never enter the counts.

const ZONE = "America/New_York";

async function practice(options: Parameters<typeof createPractice>[0] = {}) {
  const made = await createPractice({ timeZone: ZONE, ...options });
  const admin = await createStaffMember("ADMIN");
  return { ...made, admin };
}

async function patient() {
  const p = patientInput();
  return getPrisma().patient.create({ data: { firstName: p.firstName, lastName: p.lastName, email: p.email, phone: p.phone, dateOfBirth: new Date(`${p.dateOfBirth}T00:00:00Z`) } });
}

interface VisitOptions {
  status?: AppointmentStatus;
  minutes?: number;
  serviceId?: string;
  patientId?: string;
  cancelledAt?: string;
  cancellationReason?: string;
  rescheduledFromId?: string;
  carePlanId?: string;
}

async function visit(p: Awaited<ReturnType<typeof practice>>, start: string, options: VisitOptions = {}) {
  const startsAt = new Date(start);
  const endsAt = new Date(startsAt.getTime() + (options.minutes ?? 45) * 60_000);
  return getPrisma().appointment.create({
    data: {
      patientId: options.patientId ?? (await patient()).id,
      therapistId: p.therapists[0]!.id,
      serviceId: options.serviceId ?? p.service.id,
      locationId: p.location.id,
      mode: "CLINIC",
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedUntil: endsAt,
      status: options.status ?? "BOOKED",
      source: "STAFF",
      manageTokenHash: randomUUID(),
      manageTokenExpiresAt: new Date("2030-01-01T00:00:00Z"),
      cancelledAt: options.cancelledAt ? new Date(options.cancelledAt) : null,
      cancellationReason: options.cancellationReason ?? null,
      rescheduledFromId: options.rescheduledFromId ?? null,
      carePlanId: options.carePlanId ?? null,
    },
  });
}

describe("the practice's reports", () => {
  it("counts no-shows per local week, by the day each visit was due on the location's clock", async () => {
    const p = await practice();
    const { admin } = p;
    await visit(p, "2026-10-26T09:00:00-04:00", { status: "COMPLETED" });
    await visit(p, "2026-10-27T10:00:00-04:00", { status: "CHECKED_IN" });
    await visit(p, "2026-11-01T01:00:00-04:00", { status: "NO_SHOW" });
    // 23:30 on Sunday in New York is already Monday in UTC: still Sunday's visit.
    await visit(p, "2026-11-01T23:30:00-05:00", { status: "NO_SHOW" });
    await visit(p, "2026-11-02T00:30:00-05:00", { status: "NO_SHOW" });
    await visit(p, "2026-11-03T10:00:00-05:00", { status: "COMPLETED" });
    // Neither a visit still booked nor a cancelled one has an outcome.
    await visit(p, "2026-10-28T10:00:00-04:00", { status: "BOOKED" });
    await visit(p, "2026-10-29T10:00:00-04:00", { status: "CANCELLED", cancelledAt: "2026-10-20T10:00:00Z" });
    // Outside the range.
    await visit(p, "2026-11-09T10:00:00-05:00", { status: "NO_SHOW" });

    const r = await readReports(admin, { from: "2026-10-26", to: "2026-11-08", location: p.location.id });
    expect(r.noShow.total).toEqual({ numerator: 3, denominator: 6 });
    expect(r.noShow.weeks).toEqual([
      { week: "2026-10-26", ratio: { numerator: 2, denominator: 4 } },
      { week: "2026-11-02", ratio: { numerator: 1, denominator: 2 } },
    ]);
  });

  it("counts a cancellation inside the late window as late, one before it as in time, and a patient's move as neither", async () => {
    const p = await practice();
    await getPrisma().practice.upsert({ where: { id: 1 }, update: { lateCancelWindowMinutes: 1440 }, create: { id: 1, name: "Test practice", lateCancelWindowMinutes: 1440 } });
    const start = "2026-11-10T10:00:00-05:00";
    await visit(p, start, { status: "CANCELLED", cancelledAt: "2026-11-09T16:00:00Z" }); // 23 hours before: late
    await visit(p, start, { status: "CANCELLED", cancelledAt: "2026-11-08T12:00:00Z" }); // 51 hours before: in time
    const moved = await visit(p, start, { status: "CANCELLED", cancelledAt: "2026-11-10T10:00:00Z", cancellationReason: "Rescheduled by the patient" });
    await visit(p, "2026-11-11T10:00:00-05:00", { status: "BOOKED", rescheduledFromId: moved.id, patientId: moved.patientId });
    await visit(p, "2026-11-12T10:00:00-05:00", { status: "COMPLETED" });

    const r = await readReports(p.admin, { from: "2026-11-09", to: "2026-11-15", location: p.location.id });
    expect(r.lateCancellation).toEqual({ numerator: 1, denominator: 4, cancelled: 2, windowMinutes: 1440 });
  });

  it("measures utilisation as booked over available hours on the location's clock, across the clocks going back and less time off", async () => {
    // Mondays 09:00–17:00 and Sundays 00:00–06:00: on Sunday 1 November 2026
    // the clocks go back at 02:00 in New York, so that morning holds 7 hours.
    const p = await practice({
      hours: [
        { weekdays: [1], startMinute: 9 * 60, endMinute: 17 * 60, visitModes: ["CLINIC"] },
        { weekdays: [7], startMinute: 0, endMinute: 6 * 60, visitModes: ["CLINIC"] },
      ],
    });
    const therapist = p.therapists[0]!;
    await getPrisma().timeOff.createMany({
      data: [
        { therapistId: therapist.id, startsAt: new Date("2026-10-26T10:00:00-04:00"), endsAt: new Date("2026-10-26T12:00:00-04:00") },
        // A Saturday holds no hours: nothing to take away.
        { therapistId: therapist.id, startsAt: new Date("2026-10-31T08:00:00-04:00"), endsAt: new Date("2026-10-31T18:00:00-04:00") },
      ],
    });
    await visit(p, "2026-10-26T09:00:00-04:00", { status: "COMPLETED" });
    await visit(p, "2026-11-01T01:00:00-04:00", { status: "NO_SHOW" });
    await visit(p, "2026-11-01T04:00:00-05:00", { status: "BOOKED", minutes: 60 });
    await visit(p, "2026-10-26T15:00:00-04:00", { status: "CANCELLED", cancelledAt: "2026-10-20T10:00:00Z" });

    const r = await readReports(p.admin, { from: "2026-10-26", to: "2026-11-01", location: p.location.id });
    // 8 h + 7 h − 2 h of time off = 13 h = 780 minutes; 45 + 45 + 60 = 150 booked.
    expect(r.utilisation.therapists).toEqual([{ id: therapist.id, name: "Therapist0 Test", bookedMinutes: 150, availableMinutes: 780 }]);
    expect(r.utilisation.locations).toEqual([{ id: p.location.id, name: p.location.name, bookedMinutes: 150, availableMinutes: 780 }]);
  });

  it("converts a screening into a plan only when the plan was recorded after an attended free visit in the range", async () => {
    const p = await practice();
    const paid = await getPrisma().service.create({ data: { slug: `paid-${randomUUID().slice(0, 8)}`, nameEn: "Therapy", nameEs: "Terapia", durationMinutes: 45, priceCents: 11000, visitModes: ["CLINIC"] } });
    const plan = async (patientId: string, createdAt: string) =>
      getPrisma().carePlan.create({
        data: {
          patientId, therapistId: p.therapists[0]!.id, serviceId: paid.id, locationId: p.location.id, mode: "CLINIC", treats: "Knee pain",
          visitsPerWeek: 2, weeks: 6, preferredWeekdays: [1, 4], windowStartMinute: 540, windowEndMinute: 720,
          startsOn: new Date("2026-11-16T00:00:00Z"), createdByStaffId: p.admin.id, createdAt: new Date(createdAt),
        },
      });
    const converted = await visit(p, "2026-11-10T10:00:00-05:00", { status: "COMPLETED" });
    await plan(converted.patientId, "2026-11-11T15:00:00Z");
    const planBefore = await visit(p, "2026-11-10T11:00:00-05:00", { status: "CHECKED_IN" });
    await plan(planBefore.patientId, "2026-11-01T15:00:00Z");
    const missed = await visit(p, "2026-11-11T10:00:00-05:00", { status: "NO_SHOW" });
    await plan(missed.patientId, "2026-11-12T15:00:00Z");
    const earlier = await visit(p, "2026-11-02T10:00:00-05:00", { status: "COMPLETED" });
    await plan(earlier.patientId, "2026-11-12T15:00:00Z");
    const therapy = await visit(p, "2026-11-12T10:00:00-05:00", { status: "COMPLETED", serviceId: paid.id });
    await plan(therapy.patientId, "2026-11-13T15:00:00Z");

    const r = await readReports(p.admin, { from: "2026-11-09", to: "2026-11-15", location: p.location.id });
    expect(r.conversion).toEqual({ numerator: 1, denominator: 2 });
  });

  it("completes plans as attended over prescribed visits, for the plans whose last week ended in the range", async () => {
    const p = await practice();
    const owner = await patient();
    const plan = async (startsOn: string, status: "ACTIVE" | "CANCELLED" = "ACTIVE") =>
      getPrisma().carePlan.create({
        data: {
          patientId: owner.id, therapistId: p.therapists[0]!.id, serviceId: p.service.id, locationId: p.location.id, mode: "CLINIC", treats: "Knee pain",
          visitsPerWeek: 2, weeks: 2, preferredWeekdays: [2, 4], windowStartMinute: 540, windowEndMinute: 720, startsOn: new Date(`${startsOn}T00:00:00Z`),
          createdByStaffId: p.admin.id, status,
        },
      });
    const ending = await plan("2026-11-02"); // last day 15 November
    const later = await plan("2026-11-03"); // last day 16 November: outside
    const withdrawn = await plan("2026-11-02", "CANCELLED");
    await visit(p, "2026-11-03T10:00:00-05:00", { status: "COMPLETED", carePlanId: ending.id });
    await visit(p, "2026-11-05T10:00:00-05:00", { status: "COMPLETED", carePlanId: ending.id });
    await visit(p, "2026-11-10T10:00:00-05:00", { status: "CHECKED_IN", carePlanId: ending.id });
    await visit(p, "2026-11-12T10:00:00-05:00", { status: "NO_SHOW", carePlanId: ending.id });
    await visit(p, "2026-11-04T10:00:00-05:00", { status: "COMPLETED", carePlanId: later.id });
    await visit(p, "2026-11-06T10:00:00-05:00", { status: "COMPLETED", carePlanId: withdrawn.id });

    const r = await readReports(p.admin, { from: "2026-11-09", to: "2026-11-15", location: p.location.id });
    expect(r.planCompletion).toEqual({ numerator: 3, denominator: 4, plans: 1 });
  });

  it("measures exercise adherence over the program weeks wholly inside the range, on the program's clock", async () => {
    const p = await practice();
    const given = await visit(p, "2026-11-04T10:00:00-05:00", { status: "COMPLETED" });
    const program = await getPrisma().exerciseProgram.create({
      data: {
        patientId: given.patientId, appointmentId: given.id, sessionsPerWeek: 3, startsOn: new Date("2026-11-04T00:00:00Z"), endsOn: new Date("2026-11-17T00:00:00Z"),
        timeZone: ZONE, language: "en", tokenHash: createHash("sha256").update(randomUUID()).digest("hex"), tokenExpiresAt: new Date("2030-01-01T00:00:00Z"),
      },
    });
    const log = (doneAt: string) => getPrisma().exerciseSessionLog.create({ data: { programId: program.id, clientKey: randomUUID(), doneAt: new Date(doneAt), pain: 3 } });
    // Week of 2 November: four sessions, counted as the three prescribed.
    for (const day of ["2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07"]) await log(`${day}T18:00:00-05:00`);
    // Week of 9 November: two, the second late on Sunday (Monday in UTC).
    await log("2026-11-10T18:00:00-05:00");
    await log("2026-11-15T23:30:00-05:00");
    // Week of 16 November ends after the range.
    await log("2026-11-16T18:00:00-05:00");

    const r = await readReports(p.admin, { from: "2026-11-02", to: "2026-11-15", location: p.location.id });
    expect(r.adherence).toEqual({ numerator: 5, denominator: 6 });
  });

  it("refuses a therapist and the front desk", async () => {
    const p = await practice();
    for (const staff of [await createStaffMember("THERAPIST", p.therapists[0]!.id), await createStaffMember("FRONT_DESK")]) {
      await expect(readReports(staff, { from: "2026-11-01", to: "2026-11-30" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
