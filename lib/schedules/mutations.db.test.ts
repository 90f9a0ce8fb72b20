import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput, uniq } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import type { WeeklyHoursInput, WeeklyHoursUpdate } from "./schema";
import { createTimeOff, createWeeklyHours, deleteTimeOff, deleteWeeklyHours, updateHomeArea, updateWeeklyHours } from "./mutations";

// Monday 2026-10-26, 07:00 in Chicago. Tuesday 2026-11-03 is after the fall-back.
const NOW = new Date("2026-10-26T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
const ZONE = "America/Chicago";

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const fieldsOf = (e: unknown) => (e instanceof AppError ? e.fields : undefined);

/** A therapist working Mon and Tue 08:00–12:00 in the clinic at one Chicago location. */
async function practice() {
  const p = await createPractice({ timeZone: ZONE, hours: [{ weekdays: [1, 2], startMinute: 480, endMinute: 720, visitModes: ["CLINIC"] }] });
  const therapist = p.therapists[0]!;
  const desk = await createStaffMember("FRONT_DESK");
  const blocks = await getPrisma().weeklyHours.findMany({ where: { therapistId: therapist.id }, orderBy: { weekday: "asc" } });
  return { ...p, therapist, desk, monday: blocks[0]!, tuesday: blocks[1]! };
}

async function book(p: Awaited<ReturnType<typeof practice>>, start: string, firstName = uniq("Pat")) {
  return createBooking(
    { service: p.service.id, start, mode: "CLINIC", locationId: p.location.id, therapistId: p.therapist.id, patient: patientInput({ firstName }) },
    ctx,
  );
}

/** Everything a failed change must leave alone. */
async function snapshot(therapistId: string) {
  const prisma = getPrisma();
  return {
    hours: await prisma.weeklyHours.findMany({ where: { therapistId }, orderBy: { id: "asc" } }),
    timeOff: await prisma.timeOff.findMany({ where: { therapistId }, orderBy: { id: "asc" } }),
    audit: await prisma.auditLog.count({ where: { action: { startsWith: "schedule." } } }),
  };
}

function block<T extends Partial<WeeklyHoursUpdate>>(p: Awaited<ReturnType<typeof practice>>, overrides: T = {} as T): WeeklyHoursInput & T {
  return { therapistId: p.therapist.id, locationId: p.location.id, weekday: 2, start: "13:00", end: "17:00", visitModes: ["HOME"], ...overrides };
}

describe("createWeeklyHours", () => {
  it("adds an afternoon of home visits and audits who did it", async () => {
    const p = await practice();
    const result = await createWeeklyHours(p.desk, block(p), ctx);
    expect(result).toMatchObject({ status: "saved", stranded: [] });
    const row = await getPrisma().weeklyHours.findUniqueOrThrow({ where: { id: result.status === "saved" ? result.id : "" } });
    expect(row).toMatchObject({ weekday: 2, startMinute: 780, endMinute: 1020, visitModes: ["HOME"], validFrom: null });
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: row.id, action: "schedule.hours.create" } });
    expect(log.staffUserId).toBe(p.desk.id);
    expect(log.detail).toMatchObject({ therapistId: p.therapist.id, block: { start: "13:00", end: "17:00", visitModes: ["HOME"] } });
  });

  it("refuses a block overlapping one at another location, and writes nothing", async () => {
    const p = await practice();
    const other = await getPrisma().location.create({
      data: { slug: uniq("loc"), name: "Eastside", addressLine1: "2 Test Way", city: "Testville", region: "TX", postalCode: "79912", timeZone: ZONE },
    });
    await getPrisma().therapistLocation.create({ data: { therapistId: p.therapist.id, locationId: other.id } });
    const before = await snapshot(p.therapist.id);
    const error = await createWeeklyHours(p.desk, block(p, { locationId: other.id, weekday: 1, start: "11:00", end: "13:00", visitModes: ["CLINIC"] }), ctx).catch((e) => e);
    expect(codeOf(error)).toBe("VALIDATION_FAILED");
    expect(fieldsOf(error)).toEqual({ start: `This overlaps Monday 8:00 AM – 12:00 PM at ${p.location.name}: Therapist0 cannot be in two places at once.` });
    expect(await snapshot(p.therapist.id)).toEqual(before);
    // Back to back is fine.
    expect((await createWeeklyHours(p.desk, block(p, { locationId: other.id, weekday: 1, start: "12:00", end: "13:00", visitModes: ["CLINIC"] }), ctx)).status).toBe("saved");
  });

  it("refuses modes the therapist does not offer and a location they do not work at", async () => {
    const p = await practice();
    await getPrisma().therapist.update({ where: { id: p.therapist.id }, data: { visitModes: ["CLINIC", "VIDEO"] } });
    const elsewhere = await createPractice({ timeZone: ZONE });
    const before = await snapshot(p.therapist.id);
    const error = await createWeeklyHours(p.desk, block(p, { locationId: elsewhere.location.id, visitModes: ["CLINIC", "HOME"] }), ctx).catch((e) => e);
    expect(fieldsOf(error)).toEqual({
      locationId: "Therapist0 does not work at that location. Choose one of theirs.",
      visitModes: "Therapist0 does not offer home visits. Choose from in-clinic or video visits.",
    });
    expect(await snapshot(p.therapist.id)).toEqual(before);
  });

  it("refuses bad ranges with a message per field, and writes nothing", async () => {
    const p = await practice();
    const before = await snapshot(p.therapist.id);
    const attempts: [Partial<WeeklyHoursInput>, Record<string, string>][] = [
      [{ start: "17:00", end: "13:00" }, { end: "The end must be after the start, on the same day." }],
      [{ start: "13:10" }, { start: "Use a quarter hour for the start: :00, :15, :30 or :45." }],
      [{ end: "24:30" }, { end: "Enter the end time as HH:MM, e.g. 12:00." }],
      [{ visitModes: [] }, { visitModes: "Choose at least one kind of visit." }],
      [{ validFrom: "2026-12-10", validUntil: "2026-12-01" }, { validUntil: "The last date must not be before the first." }],
    ];
    for (const [overrides, fields] of attempts) {
      const error = await createWeeklyHours(p.desk, block(p, overrides), ctx).catch((e) => e);
      expect(codeOf(error)).toBe("VALIDATION_FAILED");
      expect(fieldsOf(error)).toEqual(fields);
    }
    expect(await snapshot(p.therapist.id)).toEqual(before);
  });
});

describe("two desks at once", () => {
  it("cannot both add overlapping hours: the therapist's row lock makes the second see the first", async () => {
    const p = await practice();
    const admin = await createStaffMember("ADMIN");
    const results = await Promise.allSettled([
      createWeeklyHours(p.desk, block(p, { weekday: 3, start: "09:00", end: "12:00", visitModes: ["CLINIC"] }), ctx),
      createWeeklyHours(admin, block(p, { weekday: 3, start: "11:00", end: "14:00", visitModes: ["CLINIC"] }), ctx),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected");
    expect(codeOf(refused?.status === "rejected" ? refused.reason : null)).toBe("VALIDATION_FAILED");
    expect(await getPrisma().weeklyHours.count({ where: { therapistId: p.therapist.id, weekday: 3 } })).toBe(1);
  });
});

describe("updateWeeklyHours", () => {
  it("asks before stranding a booked visit, saves when confirmed, and asks again when the list changed", async () => {
    const p = await practice();
    const first = await book(p, "2026-11-03T10:00:00-06:00", "Olga");
    const shorter = block(p, { id: p.tuesday.id, weekday: 2, start: "08:00", end: "09:30", visitModes: ["CLINIC"] });
    const before = await snapshot(p.therapist.id);

    const asked = await updateWeeklyHours(p.desk, shorter, ctx);
    expect(asked).toEqual({
      status: "needs-confirmation",
      stranded: [
        {
          id: first.id,
          startsAt: "2026-11-03T10:00:00-06:00",
          endsAt: "2026-11-03T10:45:00-06:00",
          timeZone: ZONE,
          locationName: p.location.name,
          patientName: expect.stringMatching(/^Olga Tester$/),
          serviceName: "Therapy",
          mode: "CLINIC",
          reason: "outside-hours",
        },
      ],
    });
    expect(await snapshot(p.therapist.id)).toEqual(before);

    // Someone books another visit into those hours while the desk reads the warning.
    const second = await book(p, "2026-11-03T11:00:00-06:00");
    const askedAgain = await updateWeeklyHours(p.desk, { ...shorter, confirmStranded: [first.id] }, ctx);
    expect(askedAgain.status).toBe("needs-confirmation");
    expect(askedAgain.stranded.map((s) => s.id)).toEqual([first.id, second.id]);
    expect(await snapshot(p.therapist.id)).toEqual(before);

    const saved = await updateWeeklyHours(p.desk, { ...shorter, confirmStranded: [second.id, first.id] }, ctx);
    expect(saved).toMatchObject({ status: "saved", id: p.tuesday.id });
    expect(saved.stranded).toHaveLength(2);
    expect(await getPrisma().weeklyHours.findUniqueOrThrow({ where: { id: p.tuesday.id } })).toMatchObject({ startMinute: 480, endMinute: 570 });
    // Saving never cancels: the front desk moves them.
    const visits = await getPrisma().appointment.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(visits.map((v) => v.status)).toEqual(["BOOKED", "BOOKED"]);
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: p.tuesday.id, action: "schedule.hours.update" } });
    expect(log.detail).toMatchObject({ before: { start: "08:00", end: "12:00" }, after: { start: "08:00", end: "09:30" } });
    expect(new Set((log.detail as { strandedAppointmentIds: string[] }).strandedAppointmentIds)).toEqual(new Set([first.id, second.id]));
  });

  it("saves at once when no visit is stranded, and may not overlap another block", async () => {
    const p = await practice();
    await book(p, "2026-11-03T09:00:00-06:00");
    const wider = await updateWeeklyHours(p.desk, block(p, { id: p.tuesday.id, start: "07:00", end: "13:00", visitModes: ["CLINIC"] }), ctx);
    expect(wider).toMatchObject({ status: "saved", stranded: [] });
    const error = await updateWeeklyHours(p.desk, block(p, { id: p.tuesday.id, weekday: 1, start: "11:00", end: "13:00", visitModes: ["CLINIC"] }), ctx).catch((e) => e);
    expect(fieldsOf(error)?.start).toMatch(/^This overlaps Monday 8:00 AM – 12:00 PM/);
  });

  it("does not touch another therapist's hours", async () => {
    const p = await practice();
    const other = await practice();
    const error = await updateWeeklyHours(p.desk, block(p, { id: other.tuesday.id }), ctx).catch((e) => e);
    expect(codeOf(error)).toBe("NOT_FOUND");
    expect(await getPrisma().weeklyHours.findUniqueOrThrow({ where: { id: other.tuesday.id } })).toEqual(other.tuesday);
  });
});

describe("deleteWeeklyHours", () => {
  it("deletes a block with no visits at once and audits it", async () => {
    const p = await practice();
    expect(await deleteWeeklyHours(p.desk, { id: p.monday.id }, ctx)).toEqual({ status: "saved", id: p.monday.id, stranded: [] });
    expect(await getPrisma().weeklyHours.findUnique({ where: { id: p.monday.id } })).toBeNull();
    expect(await getPrisma().auditLog.count({ where: { entityId: p.monday.id, action: "schedule.hours.delete" } })).toBe(1);
    expect(codeOf(await deleteWeeklyHours(p.desk, { id: p.monday.id }, ctx).catch((e) => e))).toBe("NOT_FOUND");
  });

  it("asks before leaving a visit without hours, then deletes when confirmed", async () => {
    const p = await practice();
    const visit = await book(p, "2026-11-02T08:00:00-06:00");
    const asked = await deleteWeeklyHours(p.desk, { id: p.monday.id }, ctx);
    expect(asked.status).toBe("needs-confirmation");
    expect(await getPrisma().weeklyHours.findUnique({ where: { id: p.monday.id } })).not.toBeNull();
    const saved = await deleteWeeklyHours(p.desk, { id: p.monday.id, confirmStranded: [visit.id] }, ctx);
    expect(saved.status).toBe("saved");
    expect(await getPrisma().weeklyHours.findUnique({ where: { id: p.monday.id } })).toBeNull();
  });
});

describe("createTimeOff", () => {
  const dayOff = (p: Awaited<ReturnType<typeof practice>>, overrides: Record<string, unknown> = {}) => ({
    therapistId: p.therapist.id,
    locationId: p.location.id,
    kind: "TIME_OFF" as const,
    span: "days" as const,
    firstDay: "2026-11-01",
    lastDay: "2026-11-01",
    note: "Marathon",
    ...overrides,
  });

  it("stores whole days from local midnight to local midnight, 25 hours on the fall-back day", async () => {
    const p = await practice();
    const result = await createTimeOff(p.desk, dayOff(p), ctx);
    expect(result.status).toBe("saved");
    const row = await getPrisma().timeOff.findUniqueOrThrow({ where: { id: result.status === "saved" ? result.id : "" } });
    expect(row.startsAt.toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect(row.endsAt.toISOString()).toBe("2026-11-02T06:00:00.000Z");
    expect(row).toMatchObject({ kind: "TIME_OFF", note: "Marathon" });
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: row.id, action: "schedule.time-off.create" } });
    expect(log.detail).toMatchObject({ startsAt: "2026-11-01T00:00:00-05:00", endsAt: "2026-11-02T00:00:00-06:00" });
  });

  it("reads from–to times on the location's clock", async () => {
    const p = await practice();
    const result = await createTimeOff(p.desk, dayOff(p, { kind: "BLOCKED", span: "times", startsAt: "2026-11-03T09:00", endsAt: "2026-11-03T10:30" }), ctx);
    const row = await getPrisma().timeOff.findUniqueOrThrow({ where: { id: result.status === "saved" ? result.id : "" } });
    expect([row.kind, row.startsAt.toISOString(), row.endsAt.toISOString()]).toEqual(["BLOCKED", "2026-11-03T15:00:00.000Z", "2026-11-03T16:30:00.000Z"]);
  });

  it("asks when visits fall inside it, asks again when they changed, and saves when confirmed", async () => {
    const p = await practice();
    const first = await book(p, "2026-11-02T09:00:00-06:00");
    const input = dayOff(p, { firstDay: "2026-11-02", lastDay: "2026-11-03" });
    const before = await snapshot(p.therapist.id);
    const asked = await createTimeOff(p.desk, input, ctx);
    expect(asked.status).toBe("needs-confirmation");
    expect(asked.stranded.map((s) => [s.id, s.reason])).toEqual([[first.id, "time-off"]]);
    expect(await snapshot(p.therapist.id)).toEqual(before);

    const second = await book(p, "2026-11-03T09:00:00-06:00");
    const askedAgain = await createTimeOff(p.desk, { ...input, confirmStranded: [first.id] }, ctx);
    expect(askedAgain.stranded.map((s) => s.id)).toEqual([first.id, second.id]);
    expect(await snapshot(p.therapist.id)).toEqual(before);

    const saved = await createTimeOff(p.desk, { ...input, confirmStranded: [first.id, second.id] }, ctx);
    expect(saved.status).toBe("saved");
    expect(await getPrisma().timeOff.count({ where: { therapistId: p.therapist.id } })).toBe(1);
    expect(await getPrisma().appointment.count({ where: { id: { in: [first.id, second.id] }, status: "BOOKED" } })).toBe(2);
  });

  it("refuses time that is over, a spring-forward gap and a missing location, writing nothing", async () => {
    const p = await practice();
    const before = await snapshot(p.therapist.id);
    const past = await createTimeOff(p.desk, dayOff(p, { firstDay: "2026-10-20", lastDay: "2026-10-25" }), ctx).catch((e) => e);
    expect(fieldsOf(past)).toEqual({ lastDay: "That time is already over. Enter time off still to come." });
    // 02:15 and 02:45 on 2027-03-14 do not exist in Chicago: both read as 03:00.
    const gap = await createTimeOff(p.desk, dayOff(p, { span: "times", startsAt: "2027-03-14T02:15", endsAt: "2027-03-14T02:45" }), ctx).catch((e) => e);
    expect(fieldsOf(gap)).toEqual({ endsAt: "The end must be after the start: the clocks change that day." });
    const nowhere = await createTimeOff(p.desk, dayOff(p, { locationId: "00000000-0000-4000-8000-000000000001" }), ctx).catch((e) => e);
    expect(fieldsOf(nowhere)).toEqual({ locationId: "Choose one of the therapist's locations." });
    const backwards = await createTimeOff(p.desk, dayOff(p, { firstDay: "2026-11-05", lastDay: "2026-11-04" }), ctx).catch((e) => e);
    expect(fieldsOf(backwards)).toEqual({ lastDay: "The last day must not be before the first." });
    expect(await snapshot(p.therapist.id)).toEqual(before);
  });
});

describe("deleteTimeOff", () => {
  it("deletes and audits; a second delete finds nothing", async () => {
    const p = await practice();
    const created = await createTimeOff(p.desk, { therapistId: p.therapist.id, locationId: p.location.id, kind: "TIME_OFF", span: "days", firstDay: "2026-11-02", lastDay: "2026-11-02" }, ctx);
    const id = created.status === "saved" ? created.id : "";
    expect(await deleteTimeOff(p.desk, { id }, ctx)).toEqual({ status: "saved", id, stranded: [] });
    expect(await getPrisma().timeOff.findUnique({ where: { id } })).toBeNull();
    expect(await getPrisma().auditLog.count({ where: { entityId: id, action: "schedule.time-off.delete" } })).toBe(1);
    expect(codeOf(await deleteTimeOff(p.desk, { id }, ctx).catch((e) => e))).toBe("NOT_FOUND");
  });
});

describe("updateHomeArea", () => {
  it("stores normalised ZIP codes and travel time, auditing before and after", async () => {
    const p = await practice();
    const saved = await updateHomeArea(p.desk, { locationId: p.location.id, postalCodes: "79912, 79922\n79932 79922", travelMinutes: "20" }, ctx);
    expect(saved).toEqual({ status: "saved", id: p.location.id, homePostalCodes: ["79912", "79922", "79932"], homeTravelMinutes: 20, stranded: [] });
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: p.location.id, action: "location.home-area.update" } });
    expect(log.detail).toEqual({
      before: { homePostalCodes: ["79912"], homeTravelMinutes: 30 },
      after: { homePostalCodes: ["79912", "79922", "79932"], homeTravelMinutes: 20 },
    });
  });

  it("refuses codes that are not ZIP codes and writes nothing", async () => {
    const p = await practice();
    const error = await updateHomeArea(p.desk, { locationId: p.location.id, postalCodes: "79912, 799", travelMinutes: -5 }, ctx).catch((e) => e);
    expect(fieldsOf(error)).toEqual({ postalCodes: "Use 5-digit ZIP codes, e.g. 79912. Not valid: 799.", travelMinutes: "Travel time cannot be negative." });
    const location = await getPrisma().location.findUniqueOrThrow({ where: { id: p.location.id } });
    expect([location.homePostalCodes, location.homeTravelMinutes]).toEqual([["79912"], 30]);
    expect(await getPrisma().auditLog.count({ where: { entityId: p.location.id } })).toBe(0);
  });
});
