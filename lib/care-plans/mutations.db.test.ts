import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput, uniq } from "../../test/fixtures";
import { createBooking, rescheduleBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { proposeCarePlan, seriesOfBooking } from "./data";
import { bookCarePlan } from "./mutations";
import { bookCarePlanSchema, carePlanSchema, type CarePlanInput } from "./schema";

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };

// Weekdays 08:00–18:00 in Chicago; 45-minute visits and 15 minutes after, so
// a visit at 09:00 leaves no other time inside a 09:00–10:00 window.
async function planSetup() {
  const practice = await createPractice({ therapists: 3, hours: [{ weekdays: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 1080, visitModes: ["CLINIC"] }] });
  const prisma = getPrisma();
  const [own, speaker, other] = practice.therapists;
  await prisma.therapist.update({ where: { id: own!.id }, data: { languages: ["en", "es"] } });
  await prisma.therapist.update({ where: { id: speaker!.id }, data: { languages: ["es"] } });
  await prisma.therapist.update({ where: { id: other!.id }, data: { languages: ["en"] } });
  const patient = await prisma.patient.create({
    data: { firstName: uniq("Plan"), lastName: "Patient", email: `${uniq("plan")}@example.com`, phone: "+19155550100", dateOfBirth: new Date("1988-02-03"), preferredLanguage: "es" },
  });
  const desk = await createStaffMember("FRONT_DESK");
  const plan: CarePlanInput = carePlanSchema.parse({
    patientId: patient.id,
    therapistId: own!.id,
    serviceId: practice.service.id,
    locationId: practice.location.id,
    mode: "CLINIC",
    treats: "Runner's knee\u200b (left)",
    visitsPerWeek: 2,
    weeks: 6,
    preferredWeekdays: [1, 4],
    windowStartMinute: 540,
    windowEndMinute: 600,
    startsOn: "2026-11-30",
  });
  const bookOther = (start: string, therapistId = own!.id) =>
    createBooking({ service: practice.service.id, start, mode: "CLINIC", locationId: practice.location.id, therapistId, patient: patientInput() }, ctx);
  return { practice, patient, desk, plan, bookOther, own: own!, speaker: speaker!, other: other! };
}

const written = async (patientId: string) => ({
  plans: await getPrisma().carePlan.count({ where: { patientId } }),
  visits: await getPrisma().appointment.count({ where: { patientId } }),
});

describe("a plan of care booked as a series", () => {
  it("flags exactly the three taken days of a 12-visit plan with alternatives, and books all twelve at once", async () => {
    const { patient, desk, plan, bookOther, own, speaker, other } = await planSetup();
    await bookOther("2026-12-07T09:00:00-06:00");
    await bookOther("2026-12-17T09:00:00-06:00");
    await bookOther("2026-12-28T09:00:00-06:00");

    const proposal = await proposeCarePlan(desk, plan, ctx);
    expect(proposal.occurrences).toHaveLength(12);
    const conflicts = proposal.occurrences.filter((o) => o.conflict);
    expect(conflicts.map((o) => [o.index, o.date, o.conflict])).toEqual([
      [2, "2026-12-07", "taken"],
      [5, "2026-12-17", "taken"],
      [8, "2026-12-28", "taken"],
    ]);
    for (const o of proposal.occurrences.filter((x) => !x.conflict)) expect(o.time!.start.slice(11)).toBe("09:00:00-06:00");
    for (const o of conflicts) {
      expect(o.alternatives.map((a) => a.kind)).toEqual(["same-day", "same-day", "same-day", "same-week", "same-week", "same-week", "other-therapist"]);
      // The therapist who speaks Spanish, at the preferred time; never the one who does not.
      expect(o.alternatives.at(-1)).toMatchObject({ therapistId: speaker.id, start: `${o.date}T09:00:00-06:00` });
      expect(o.alternatives.some((a) => a.therapistId === other.id)).toBe(false);
    }

    const occurrences = proposal.occurrences.map((o) => {
      const time = o.time ?? o.alternatives.find((a) => a.kind === "other-therapist")!;
      return { start: time.start, therapistId: time.therapistId };
    });
    const booked = await bookCarePlan(desk, bookCarePlanSchema.parse({ plan, occurrences }), ctx);
    expect(booked.appointments).toHaveLength(12);
    const stored = await getPrisma().carePlan.findUniqueOrThrow({ where: { id: booked.carePlanId }, include: { appointments: { orderBy: { startsAt: "asc" } } } });
    expect(stored.treats).toBe("Runner's knee (left)");
    expect(stored.appointments).toHaveLength(12);
    expect(stored.appointments.filter((a) => a.therapistId === speaker.id)).toHaveLength(3);
    expect(stored.appointments.filter((a) => a.therapistId === own.id)).toHaveLength(9);
    // One confirmation for the series, not twelve.
    const confirmations = await getPrisma().message.count({ where: { kind: "confirmation", appointmentId: { in: stored.appointments.map((a) => a.id) } } });
    expect(confirmations).toBe(1);
    expect(await getPrisma().auditLog.count({ where: { action: "care-plan.create", entityId: stored.id, patientId: patient.id } })).toBe(1);
    expect(await getPrisma().auditLog.count({ where: { action: "care-plan.propose", patientId: patient.id } })).toBe(1);
  });

  it("lists the other visits of the series on the patient's page, reached through one visit's own link", async () => {
    const { desk, plan } = await planSetup();
    const proposal = await proposeCarePlan(desk, { ...plan, weeks: 2 }, ctx);
    const occurrences = proposal.occurrences.map((o) => ({ start: o.time!.start, therapistId: o.time!.therapistId }));
    const booked = await bookCarePlan(desk, bookCarePlanSchema.parse({ plan: { ...plan, weeks: 2 }, occurrences }), ctx);
    // Another patient's plan with the same therapist stays out of it.
    const other = await planSetup();
    await bookCarePlan(other.desk, bookCarePlanSchema.parse({ plan: other.plan, occurrences: [{ start: "2026-12-01T09:00:00-06:00", therapistId: other.own.id }] }), ctx);

    const token = new URL(booked.manageUrl).pathname.split("/").at(-1)!;
    const series = await seriesOfBooking(token, ctx);
    expect(series.map((v) => v.start)).toEqual(["2026-12-03T09:00:00-06:00", "2026-12-07T09:00:00-06:00", "2026-12-10T09:00:00-06:00"]);
    expect(series.every((v) => v.timeZone === "America/Chicago")).toBe(true);
    expect(((await seriesOfBooking("x".repeat(43), ctx).catch((e: unknown) => e)) as AppError).code).toBe("NOT_FOUND");

    // The patient moves one visit alone: it stays in the series, at its new time.
    const moved = await rescheduleBooking(token, { start: "2026-11-30T11:00:00-06:00" }, ctx);
    expect(moved.start).toBe("2026-11-30T11:00:00-06:00");
    const visits = await getPrisma().appointment.findMany({ where: { carePlanId: booked.carePlanId, status: "BOOKED" }, orderBy: { startsAt: "asc" } });
    expect(visits.map((v) => v.startsAt.toISOString())).toEqual(["2026-11-30T17:00:00.000Z", "2026-12-03T15:00:00.000Z", "2026-12-07T15:00:00.000Z", "2026-12-10T15:00:00.000Z"]);
  });

  it("names the visit taken between proposing and booking, offers it alternatives again, and writes nothing", async () => {
    const { patient, desk, plan, bookOther } = await planSetup();
    const proposal = await proposeCarePlan(desk, plan, ctx);
    const occurrences = proposal.occurrences.map((o) => ({ start: o.time!.start, therapistId: o.time!.therapistId }));
    await bookOther("2026-12-14T09:00:00-06:00");

    const error = await bookCarePlan(desk, bookCarePlanSchema.parse({ plan, occurrences }), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("SLOT_TAKEN");
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).message).toContain("visit 5 (2026-12-14 at 09:00)");
    expect(Object.keys((error as AppError).fields ?? {})).toEqual(["occurrences.4"]);
    const alternatives = (error as AppError).alternatives ?? [];
    expect(alternatives.length).toBeGreaterThan(0);
    // Never on another visit's day of the series.
    const otherDays = new Set(occurrences.filter((_, i) => i !== 4).map((o) => o.start.slice(0, 10)));
    for (const a of alternatives) expect(otherDays.has(a.start.slice(0, 10))).toBe(false);
    expect(await written(patient.id)).toEqual({ plans: 0, visits: 0 });
  });

  it("rolls the whole series back when a visit's time is taken while the plan is being written", async () => {
    const { patient, desk, plan, practice, own } = await planSetup();
    const proposal = await proposeCarePlan(desk, plan, ctx);
    const occurrences = proposal.occurrences.map((o) => ({ start: o.time!.start, therapistId: o.time!.therapistId }));
    const prisma = getPrisma();
    const rival = await prisma.patient.create({ data: { firstName: "Rival", lastName: "Patient", email: `${uniq("rival")}@example.com`, phone: "+19155550101", dateOfBirth: new Date("1980-01-01") } });
    const start = new Date("2026-12-21T15:00:00Z");

    // Another booking inserts visit 7's time and has not committed yet: the
    // plan's check before writing cannot see it, its insert waits on the
    // exclusion constraint, and fails once the rival commits.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const rivalTx = prisma.$transaction(
      async (tx) => {
        await tx.appointment.create({
          data: {
            patientId: rival.id,
            therapistId: own.id,
            serviceId: practice.service.id,
            locationId: practice.location.id,
            mode: "CLINIC",
            startsAt: start,
            endsAt: new Date(start.getTime() + 45 * 60_000),
            blockedFrom: start,
            blockedUntil: new Date(start.getTime() + 60 * 60_000),
            source: "STAFF",
            manageTokenHash: uniq("rival-token"),
            manageTokenExpiresAt: new Date("2027-03-01T00:00:00Z"),
          },
        });
        inserted();
        await released;
      },
      { timeout: 30_000 },
    );
    await insertedYet;
    const booking = bookCarePlan(desk, bookCarePlanSchema.parse({ plan, occurrences }), ctx).catch((e: unknown) => e);
    // Wait until the plan's insert is blocked on the rival's row, then let the rival commit.
    for (let waiting = 0; waiting === 0; ) {
      await new Promise((r) => setTimeout(r, 50));
      const [row] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      waiting = row?.n ?? 0;
    }
    release();
    await rivalTx;
    const error = await booking;
    expect((error as AppError).code).toBe("SLOT_TAKEN");
    expect((error as AppError).message).toContain("visit 7 (2026-12-21 at 09:00)");
    expect((error as AppError).alternatives?.length).toBeGreaterThan(0);
    expect(await written(patient.id)).toEqual({ plans: 0, visits: 0 });
  });

  it("refuses bad input with messages a person can act on, writing nothing", async () => {
    const { patient, desk, plan, own } = await planSetup();
    expect(carePlanSchema.safeParse({ ...plan, visitsPerWeek: 3 }).error?.issues[0]?.message).toBe("Choose at least 3 preferred days for 3 visits a week.");
    expect(carePlanSchema.safeParse({ ...plan, windowEndMinute: 500 }).error?.issues[0]?.message).toBe("The preferred time must end after it starts.");
    expect(carePlanSchema.safeParse({ ...plan, weeks: 27 }).error?.issues[0]?.message).toBe("At most 26 weeks.");
    expect(carePlanSchema.safeParse({ ...plan, treats: "\u200b \u202e" }).error?.issues[0]?.message).toBe("Say what the plan treats.");

    const past = await proposeCarePlan(desk, { ...plan, startsOn: "2026-11-01" }, ctx).catch((e: unknown) => e);
    expect((past as AppError).status).toBe(422);
    expect((past as AppError).fields).toEqual({ startsOn: "Choose 2026-11-23 or later." });

    const sameDay = bookCarePlanSchema.parse({
      plan,
      occurrences: [
        { start: "2026-11-30T09:00:00-06:00", therapistId: own.id },
        { start: "2026-11-30T14:00:00-06:00", therapistId: own.id },
      ],
    });
    const twice = await bookCarePlan(desk, sameDay, ctx).catch((e: unknown) => e);
    expect((twice as AppError).status).toBe(422);
    expect((twice as AppError).message).toBe(
      "The plan's visit 2 (2026-11-30 at 14:00) is on the same day as visit 1 (2026-11-30 at 09:00); choose another alternative for one of them.",
    );
    const outside = await bookCarePlan(desk, bookCarePlanSchema.parse({ plan, occurrences: [{ start: "2027-02-01T09:00:00-06:00", therapistId: own.id }] }), ctx).catch((e: unknown) => e);
    expect((outside as AppError).fields).toEqual({ "occurrences.0": "The plan's visit 1 (2027-02-01 at 09:00) falls outside the plan, which runs from 2026-11-30 to 2027-01-10." });

    const therapist = await createStaffMember("THERAPIST");
    const forbidden = await proposeCarePlan(therapist, plan, ctx).catch((e: unknown) => e);
    expect((forbidden as AppError).code).toBe("FORBIDDEN");
    expect(await written(patient.id)).toEqual({ plans: 0, visits: 0 });
  });
});
