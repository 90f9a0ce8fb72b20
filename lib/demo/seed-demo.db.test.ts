import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bookForCallerSchema } from "../appointments/schema";
import { bookForCaller } from "../appointments/mutations";
import type { StaffMember } from "../auth/mutations";
import { verifyPassword } from "../auth/password";
import { disconnectPrisma, getPrisma } from "../db/client";
import { dropDatabase, recreateDatabase } from "../db/embedded";
import { applyMigrations } from "../db/migrate";
import { AppError } from "../errors/app-error";
import { createLocation } from "../locations/mutations";
import { createReason } from "../reasons/mutations";
import { createService } from "../services/mutations";
import { createTherapist } from "../therapists/mutations";
import { hashVideoJoinToken } from "../video/join-token";
import { DEMO_SERVICES, DEMO_STAFF, DEMO_STAFF_PASSWORD, hasPractice, LOCATIONS, REASONS, THERAPISTS } from "./demo-practice";
import { seedDemoPractice } from "./seed-demo";

// The seed writes into a database without a practice, and the shared test
// database holds the other files' practices: this file gets a database of
// its own on the same server.
const shared = inject("databaseUrl");
const own = new URL(shared);
own.pathname = `/stride_demo_seed_${process.pid}`;

// Tuesday 2026-12-01, 09:00 in Denver: Dana's 08:30 visit has begun (a row),
// her 11:00 video visit and 14:00 home visit are ahead (booked), and her
// 15:45 clinic visit falls in her home-visit afternoon (a row).
const NOW = new Date("2026-12-01T16:00:00Z");
const ctx = { now: NOW, ipAddress: null };

let videoJoinToken = "";
let admin: StaffMember;

beforeAll(async () => {
  await disconnectPrisma();
  await recreateDatabase(own.toString());
  await applyMigrations(own.toString());
  process.env.DATABASE_URL = own.toString();
  ({ videoJoinToken } = await seedDemoPractice(NOW));
  const row = await getPrisma().staffUser.findUniqueOrThrow({ where: { email: DEMO_STAFF[0].email } });
  admin = { id: row.id, name: row.name, email: row.email, role: row.role, therapistId: null, sessionId: "test" };
}, 120_000);

afterAll(async () => {
  await disconnectPrisma();
  process.env.DATABASE_URL = shared;
  await dropDatabase(own.toString());
});

const codeAndFields = (e: unknown) => (e instanceof AppError ? { code: e.code, fields: e.fields } : { code: String(e), fields: undefined });

async function auditCount(action: string, entityIds?: string[]) {
  return getPrisma().auditLog.count({ where: { action, staffUserId: admin.id, ...(entityIds ? { entityId: { in: entityIds } } : {}) } });
}

describe("the demo seed", () => {
  it("fills the exercise library with the clinic's three stretches and their doses, in both languages, through the library's own audited write", async () => {
    const rows = await getPrisma().exercise.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((e) => [e.slug, e.repetitionsMin, e.repetitionsMax, e.holdSecondsMin, e.holdSecondsMax, e.perSide])).toEqual([
      ["lying-inner-thigh-stretch", 2, 3, 20, 30, false],
      ["seated-butterfly-stretch", 2, 3, 45, 60, false],
      ["side-lunge-stretch", 2, 3, 15, 20, true],
    ]);
    expect(rows.every((e) => e.nameEs && e.stepsEs.split("\n").length === 4 && e.createdById === admin.id)).toBe(true);
    expect(await auditCount("exercise.create", rows.map((e) => e.id))).toBe(3);
  });

  it("keeps the demo's fixed slugs and order", async () => {
    const prisma = getPrisma();
    expect((await prisma.location.findMany({ orderBy: { slug: "asc" } })).map((l) => l.slug)).toEqual(LOCATIONS.map((l) => l.slug).sort());
    expect((await prisma.service.findMany({ orderBy: { sortOrder: "asc" } })).map((s) => [s.slug, s.sortOrder])).toEqual(DEMO_SERVICES.map((s) => [s.slug, s.sortOrder]));
    expect((await prisma.visitReason.findMany({ orderBy: { sortOrder: "asc" } })).map((r) => r.slug)).toEqual(REASONS.map(([slug]) => slug));
    expect((await prisma.therapist.findMany({ orderBy: { slug: "asc" } })).map((t) => t.slug)).toEqual(THERAPISTS.map((t) => t.slug).sort());
    expect(await prisma.practice.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ name: "Border Therapy Services", isDemo: true });
    expect(await hasPractice(prisma)).toBe(true);
  });

  it("gives each service a payment rule (the free screening none) and the practice a 24-hour policy with fees", async () => {
    const prisma = getPrisma();
    const rules = await prisma.service.findMany({ orderBy: { sortOrder: "asc" }, select: { slug: true, paymentRule: true, depositCents: true, depositPercent: true } });
    expect(rules).toEqual([
      { slug: "free-screening", paymentRule: "NONE", depositCents: null, depositPercent: null },
      { slug: "therapy-session", paymentRule: "DEPOSIT", depositCents: null, depositPercent: 25 },
      { slug: "graston-technique", paymentRule: "FULL", depositCents: null, depositPercent: null },
      { slug: "exercise-program-review", paymentRule: "CARD_ON_FILE", depositCents: null, depositPercent: null },
    ]);
    expect(await prisma.practice.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ lateCancelWindowMinutes: 1440, lateCancelFeeCents: 2500, noShowFeeCents: 4000 });
  });

  it("went through the settings, schedules and staff write functions, each audited as the demo administrator", async () => {
    const prisma = getPrisma();
    const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id);
    const services = await ids(prisma.service.findMany({ select: { id: true } }));
    const therapists = await ids(prisma.therapist.findMany({ select: { id: true } }));
    const reasons = await ids(prisma.visitReason.findMany({ select: { id: true } }));
    const rooms = await ids(prisma.room.findMany({ select: { id: true } }));
    const hours = await ids(prisma.weeklyHours.findMany({ select: { id: true } }));
    expect(await auditCount("setup.complete")).toBe(1);
    expect(await auditCount("settings.practice.update")).toBe(1);
    expect(await auditCount("settings.location.create")).toBe(1);
    expect(await auditCount("location.home-area.update")).toBe(1);
    expect(await auditCount("settings.service.create", services)).toBe(services.length);
    expect(await auditCount("settings.therapist.create", therapists)).toBe(therapists.length);
    expect(await auditCount("settings.reason.create", reasons)).toBe(reasons.length);
    expect(await auditCount("settings.room.create", rooms)).toBe(rooms.length);
    expect(await auditCount("schedule.hours.create", hours)).toBe(hours.length);
    expect(hours).toHaveLength(THERAPISTS.flatMap((t) => t.hours.flatMap(([, days]) => days)).length);
    expect(await auditCount("staff.create")).toBe(DEMO_STAFF.length - 1);
  });

  it("signs every demo account in with the demo password, each therapist login linked to its therapist", async () => {
    for (const member of DEMO_STAFF) {
      const row = await getPrisma().staffUser.findUniqueOrThrow({ where: { email: member.email }, include: { therapist: { select: { slug: true } } } });
      expect(row.role).toBe(member.role);
      expect(row.therapist?.slug ?? null).toBe(member.therapistSlug);
      expect(await verifyPassword(row.passwordHash, DEMO_STAFF_PASSWORD)).toBe(true);
    }
  });

  it("books the coming visits at the front desk, and writes as rows only the visits booking refuses", async () => {
    const prisma = getPrisma();
    const visits = await prisma.appointment.findMany({ include: { patient: true, room: true, therapist: true }, orderBy: { startsAt: "asc" } });
    const booked = await prisma.auditLog.findMany({ where: { action: "appointment.create", staffUserId: admin.id }, select: { entityId: true } });
    const bookedIds = new Set(booked.map((b) => b.entityId));
    const upcoming = visits.filter((v) => v.startsAt > NOW && !(v.patient.lastName === "Brennan" && v.status === "CANCELLED"));
    expect(visits).toHaveLength(12);
    expect(upcoming.every((v) => bookedIds.has(v.id))).toBe(true);
    expect(bookedIds.size).toBe(10);

    const marcus = visits.find((v) => v.patient.lastName === "Lee" && v.therapist.slug === "dana-whitfield")!;
    expect(bookedIds.has(marcus.id)).toBe(false);
    expect(marcus).toMatchObject({ reasonSlug: "knee-pain-running", status: "BOOKED", room: { name: "Treatment room 2" } });
    const cancelled = visits.find((v) => v.status === "CANCELLED")!;
    expect(bookedIds.has(cancelled.id)).toBe(false);
    expect(cancelled).toMatchObject({ cancellationReason: "Patient called in sick.", room: { name: "Treatment room 1" } });

    const home = visits.find((v) => v.mode === "HOME")!;
    expect(bookedIds.has(home.id)).toBe(true);
    expect(home).toMatchObject({ visitAddressLine1: "4410 Loma Del Norte Dr", visitPostalCode: "79912", reasonSlug: "post-surgery" });
    const video = visits.find((v) => v.mode === "VIDEO")!;
    expect(bookedIds.has(video.id)).toBe(true);
    expect(video.videoJoinTokenHash).toBe(hashVideoJoinToken(videoJoinToken));
    // Each clinic visit the desk booked got a room from the booking's own choice.
    expect(visits.filter((v) => v.mode === "CLINIC" && bookedIds.has(v.id)).every((v) => v.roomId !== null)).toBe(true);
    expect(visits.filter((v) => v.startsAt > NOW).every((v) => v.reasonSlug !== null)).toBe(true);
  });
});

describe("a slug chosen for a new row", () => {
  const location = {
    name: "Eastside",
    addressLine1: "1 Zaragoza Rd",
    city: "El Paso",
    region: "TX",
    postalCode: "79936",
    country: "US",
    timeZone: "America/Denver",
    active: true,
    homeTravelMinutes: 20,
  };
  const service = {
    nameEn: "Dry needling",
    nameEs: "Punción seca",
    descriptionEn: "",
    descriptionEs: "",
    durationMinutes: "30",
    price: "70",
    visitModes: ["CLINIC" as const],
    bufferBeforeMinutes: "0",
    bufferAfterMinutes: "5",
    minNoticeMinutes: "60",
    horizonDays: "30",
    cancelCutoff: "12",
    cancelCutoffUnit: "hours" as const,
    newPatientsOnly: false,
    therapistIds: [],
  };

  it("is kept when free, and refused with a message under the slug when taken or malformed", async () => {
    expect(await createLocation(admin, { ...location, slug: "eastside-clinic" }, ctx)).toMatchObject({ slug: "eastside-clinic" });
    expect(codeAndFields(await createLocation(admin, { ...location, slug: "las-cruces" }, ctx).catch((e: unknown) => e))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { slug: expect.stringContaining("Another location already uses the slug") },
    });
    expect(codeAndFields(await createLocation(admin, { ...location, slug: "East Side!" }, ctx).catch((e: unknown) => e))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { slug: expect.stringContaining("lowercase letters, digits and single hyphens") },
    });
    expect(codeAndFields(await createService(admin, { ...service, slug: "therapy-session" }, ctx).catch((e: unknown) => e))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { slug: expect.stringContaining("Another service") },
    });
    expect(codeAndFields(await createReason(admin, { labelEn: "Ankle sprain", labelEs: "Esguince de tobillo", slug: "other" }, ctx).catch((e: unknown) => e))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { slug: expect.stringContaining("Another reason for visit") },
    });
    const westside = await getPrisma().location.findUniqueOrThrow({ where: { slug: "el-paso-westside" } });
    const therapist = { firstName: "Rosa", lastName: "Ibarra", languages: ["es" as const], visitModes: ["CLINIC" as const], locationIds: [westside.id] };
    expect(codeAndFields(await createTherapist(admin, { ...therapist, slug: "dana-whitfield" }, null, ctx).catch((e: unknown) => e))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { slug: expect.stringContaining("Another therapist") },
    });
    expect(await getPrisma().therapist.count({ where: { lastName: "Ibarra" } })).toBe(0);
  });

  it("of a reason, recorded by a desk booking only when the reason is offered", async () => {
    const prisma = getPrisma();
    const [westside, therapy, luis, jordan] = await Promise.all([
      prisma.location.findUniqueOrThrow({ where: { slug: "el-paso-westside" } }),
      prisma.service.findUniqueOrThrow({ where: { slug: "therapy-session" } }),
      prisma.therapist.findUniqueOrThrow({ where: { slug: "luis-carrillo" } }),
      prisma.patient.findFirstOrThrow({ where: { lastName: "Mills" } }),
    ]);
    // Saturday 2026-12-05, 09:00 in Denver: Luis's Saturday morning at Westside.
    const input = { serviceId: therapy.id, locationId: westside.id, therapistId: luis.id, mode: "CLINIC", start: "2026-12-05T09:00:00-07:00", patientId: jordan.id };
    expect(codeAndFields(await bookForCaller(admin, bookForCallerSchema.parse({ ...input, reasonSlug: "no-such-reason" }), ctx).catch((e: unknown) => e))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { reasonSlug: expect.stringContaining("Choose a reason") },
    });
    const { appointment } = await bookForCaller(admin, bookForCallerSchema.parse({ ...input, reasonSlug: "mcl-injury" }), ctx);
    expect(appointment.reasonSlug).toBe("mcl-injury");
  });
});
