// The package balance against the real database: the ledger's trigger and
// the balance's CHECK decide every race, the booking path debits in its own
// transaction, and a cancellation gives a visit back once, only in policy.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { ctx, startIn, zoneAtLocalHour } from "../../test/reminder-visits";
import { changeAppointmentStatus } from "../appointments/mutations";
import { cancelBooking, createBooking, upsertPatient } from "../booking/mutations";
import { withPaymentTerms } from "../booking/payment-terms-data";
import type { CreateBookingInput } from "../booking/schema";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { findFeePolicy } from "../practice/data";
import { hashPackageCode, packageCodeFor } from "./code";
import { restorePackageVisit } from "./mutations";
import { completePackagePurchase } from "./purchase-webhook";

const HOUR = 3_600_000;
const ALL_DAY = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 24 * 60, visitModes: ["CLINIC" as const, "HOME" as const] }];

async function practice() {
  const zone = zoneAtLocalHour(12);
  const p = await createPractice({ timeZone: zone, hours: ALL_DAY, service: { horizonDays: 200, minNoticeMinutes: 0, cancelCutoffMinutes: 0 } });
  return { ...p, zone };
}
type Practice = Awaited<ReturnType<typeof practice>>;

/** A package of `visits` visits of the practice's service, bought (through the webhook's own write) by `patient`. */
async function boughtPackage(p: Practice, patient: ReturnType<typeof patientInput>, visits: number, validityDays = 183) {
  const prisma = getPrisma();
  const offer = await prisma.packageOffer.create({ data: { nameEn: "Sessions", nameEs: "Sesiones", serviceId: p.service.id, visits, validityDays, priceCents: 50_000 } });
  const id = randomUUID();
  const code = packageCodeFor(id);
  await prisma.$transaction(async (tx) => {
    const patientId = await upsertPatient(tx, patient, "en");
    await tx.patientPackage.create({ data: { id, offerId: offer.id, patientId, visitsTotal: visits, codeHash: hashPackageCode(code) } });
    await completePackagePurchase(tx, { patientPackageId: id, checkoutSessionId: `cs_test_${id.replaceAll("-", "")}`, paymentIntentId: null, now: new Date() });
  });
  return { id, code };
}

function form(p: Practice, start: string, patient: ReturnType<typeof patientInput>, packageCode?: string): CreateBookingInput {
  return { service: p.service.id, start, mode: "CLINIC", locationId: p.location.id, therapistId: p.therapists[0]!.id, patient, language: "en", packageCode };
}

const balance = async (id: string) => (await getPrisma().patientPackage.findUniqueOrThrow({ where: { id } })).visitsLeft;
const entries = (id: string) => getPrisma().packageLedgerEntry.findMany({ where: { patientPackageId: id }, orderBy: { createdAt: "asc" } });
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe("a package's balance", () => {
  it("books exactly one of several concurrent bookings for its last visit, and refuses the others without booking them", async () => {
    const p = await practice();
    const patient = patientInput();
    const pkg = await boughtPackage(p, patient, 1);
    const starts = [3, 5, 7, 9, 11].map((h) => startIn(h, p.zone));
    const results = await Promise.allSettled(starts.map((start) => createBooking(form(p, start, patient, pkg.code), ctx())));

    const booked = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(booked).toHaveLength(1);
    expect(refused.map((r) => codeOf(r.reason))).toEqual(Array(4).fill("PACKAGE_USED_UP"));
    expect(await balance(pkg.id)).toBe(0);
    const visits = await getPrisma().appointment.findMany({ where: { serviceId: p.service.id } });
    expect(visits).toHaveLength(1);
    expect((await entries(pkg.id)).map((e) => [e.kind, e.delta, e.appointmentId])).toEqual([
      ["PURCHASE", 1, null],
      ["BOOKING", -1, visits[0]!.id],
    ]);
  });

  it("lets exactly one of several transactions debiting its last visit at once commit, whoever writes them", async () => {
    const p = await practice();
    const pkg = await boughtPackage(p, patientInput(), 1);
    const clients = Array.from({ length: 5 }, () => new pg.Client({ connectionString: process.env.DATABASE_URL }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      // Each debit runs in its own transaction on its own connection, with no lock taken by the application.
      const outcomes = await Promise.all(
        clients.map(async (c) => {
          await c.query("BEGIN");
          try {
            await c.query(`INSERT INTO "PackageLedgerEntry" ("patientPackageId", "delta", "kind", "appointmentId") VALUES ($1, -1, 'BOOKING', $2)`, [pkg.id, randomUUID()]);
            await c.query("COMMIT");
            return "debited";
          } catch (error) {
            await c.query("ROLLBACK");
            return (error as { constraint?: string }).constraint ?? String(error);
          }
        }),
      );
      expect(outcomes.filter((o) => o === "debited")).toHaveLength(1);
      expect(outcomes.filter((o) => o !== "debited")).toEqual(Array(4).fill("PatientPackage_visits_left_range"));
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    expect(await balance(pkg.id)).toBe(0);
    expect((await entries(pkg.id)).map((e) => e.kind)).toEqual(["PURCHASE", "BOOKING"]);
  });

  it("takes one visit per booking and books without a checkout", async () => {
    const p = await practice();
    const patient = patientInput();
    const pkg = await boughtPackage(p, patient, 3);
    const booked = await createBooking(form(p, startIn(4, p.zone), patient, pkg.code), ctx());
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).status).toBe("BOOKED");
    expect(await balance(pkg.id)).toBe(2);
    // Its patient is told the package covers it, not the service's own terms.
    const cancelled = await cancelBooking(booked.manageToken, {}, ctx());
    expect((await withPaymentTerms(cancelled)).service.payment).toMatchObject({ online: { kind: "package", lateCancelWindowMinutes: 1440 }, fees: null });
  });

  it("is refused by the database below zero or above what was bought, whoever writes it", async () => {
    const p = await practice();
    const pkg = await boughtPackage(p, patientInput(), 2);
    const prisma = getPrisma();
    await expect(prisma.$executeRaw`UPDATE "PatientPackage" SET "visitsLeft" = -1 WHERE "id" = ${pkg.id}::uuid`).rejects.toThrow(/PatientPackage_visits_left_range/);
    await expect(prisma.$executeRaw`UPDATE "PatientPackage" SET "visitsLeft" = 3 WHERE "id" = ${pkg.id}::uuid`).rejects.toThrow(/PatientPackage_visits_left_range/);
    await expect(prisma.packageLedgerEntry.create({ data: { patientPackageId: pkg.id, delta: -3, kind: "ADJUSTMENT" } })).rejects.toThrow();
    expect(await balance(pkg.id)).toBe(2);
    expect(await entries(pkg.id)).toHaveLength(1);
    // History is not rewritten: an entry is answered by another, never changed.
    const [purchase] = await entries(pkg.id);
    await expect(prisma.packageLedgerEntry.update({ where: { id: purchase!.id }, data: { delta: 5 } })).rejects.toThrow(/never changed/);
  });

  it("refuses an expired code, another service's, another person's and a made-up one alike, booking nothing", async () => {
    const p = await practice();
    const patient = patientInput();
    const pkg = await boughtPackage(p, patient, 2);
    const other = await createPractice({ timeZone: p.zone, hours: ALL_DAY, service: { horizonDays: 200, minNoticeMinutes: 0 } });
    await getPrisma().patientPackage.update({ where: { id: pkg.id }, data: { expiresAt: new Date(Date.now() - HOUR) } });
    const expired = await createBooking(form(p, startIn(4, p.zone), patient, pkg.code), ctx()).catch((e: unknown) => e);
    await getPrisma().patientPackage.update({ where: { id: pkg.id }, data: { expiresAt: new Date(Date.now() + 30 * 24 * HOUR) } });
    const otherService = await createBooking(
      { service: other.service.id, start: startIn(4, p.zone), mode: "CLINIC", locationId: other.location.id, therapistId: other.therapists[0]!.id, patient, language: "en", packageCode: pkg.code },
      ctx(),
    ).catch((e: unknown) => e);
    const otherPerson = await createBooking(form(p, startIn(5, p.zone), patientInput(), pkg.code), ctx()).catch((e: unknown) => e);
    const madeUp = await createBooking(form(p, startIn(6, p.zone), patient, packageCodeFor(randomUUID())), ctx()).catch((e: unknown) => e);

    const answers = [expired, otherService, otherPerson, madeUp].map((e) => (e instanceof AppError ? [e.code, e.status, e.message] : [String(e)]));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual(["VALIDATION_FAILED", 422, expect.stringContaining("cannot be used")]);
    expect(await balance(pkg.id)).toBe(2);
    expect(await getPrisma().appointment.count({ where: { serviceId: { in: [p.service.id, other.service.id] } } })).toBe(0);
  });
});

describe("a cancelled visit paid by a package", () => {
  it("gives its visit back once when the patient cancels outside the late window", async () => {
    const p = await practice();
    const patient = patientInput();
    const pkg = await boughtPackage(p, patient, 2);
    const window = (await findFeePolicy()).lateCancelWindowMinutes;
    const booked = await createBooking(form(p, startIn(Math.ceil(window / 60) + 3, p.zone), patient, pkg.code), ctx());
    expect(await balance(pkg.id)).toBe(1);
    await cancelBooking(booked.manageToken, {}, ctx());
    expect(await balance(pkg.id)).toBe(2);
    // Whatever asks again (a desk's cancel racing the patient's), the visit comes back once.
    expect(await getPrisma().$transaction((tx) => restorePackageVisit(tx, booked.id, new Date()))).toBe(false);
    expect(await balance(pkg.id)).toBe(2);
    expect((await entries(pkg.id)).map((e) => e.kind)).toEqual(["PURCHASE", "BOOKING", "RESTORE"]);
  });

  it("keeps the visit used when the desk cancels inside the late window", async () => {
    const p = await practice();
    const patient = patientInput();
    const pkg = await boughtPackage(p, patient, 2);
    const window = (await findFeePolicy()).lateCancelWindowMinutes;
    if (window < 120) await getPrisma().practice.updateMany({ where: { id: 1 }, data: { lateCancelWindowMinutes: 1440 } });
    const booked = await createBooking(form(p, startIn(1, p.zone), patient, pkg.code), ctx());
    const desk = await createStaffMember("FRONT_DESK");
    await changeAppointmentStatus(desk, { appointmentId: booked.id, action: "cancel", reason: "Called an hour before" }, ctx());
    expect(await balance(pkg.id)).toBe(1);
    expect((await entries(pkg.id)).map((e) => e.kind)).toEqual(["PURCHASE", "BOOKING"]);
  });

  it("gives its visit back when the desk cancels in good time", async () => {
    const p = await practice();
    const patient = patientInput();
    const pkg = await boughtPackage(p, patient, 2);
    const window = (await findFeePolicy()).lateCancelWindowMinutes;
    const booked = await createBooking(form(p, startIn(Math.ceil(window / 60) + 3, p.zone), patient, pkg.code), ctx());
    const desk = await createStaffMember("FRONT_DESK");
    await changeAppointmentStatus(desk, { appointmentId: booked.id, action: "cancel", reason: "Therapist away" }, ctx());
    expect(await balance(pkg.id)).toBe(2);
    const restore = (await entries(pkg.id)).find((e) => e.kind === "RESTORE");
    expect(restore).toMatchObject({ delta: 1, appointmentId: booked.id, staffUserId: desk.id });
  });
});
