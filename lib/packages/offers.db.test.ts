// The practice's package offers and the desk's view of a patient's packages:
// administrators only, every write and every read of a patient's packages audited.
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { upsertPatient } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { hashPackageCode, packageCodeFor } from "./code";
import { listActiveOffers, loadPatientPackages } from "./data";
import { createPackageOffer, updatePackageOffer } from "./mutations";
import { completePackagePurchase } from "./purchase-webhook";

const ctx = () => ({ now: new Date(), ipAddress: "127.0.0.1" });
const form = (serviceId: string) => ({ nameEn: "Six sessions", nameEs: "Seis sesiones", serviceId, visits: "6", validityDays: "183", price: "600.00", active: true, sortOrder: "1" });

describe("package offers", () => {
  it("are added and taken off sale by an administrator, audited, and refused to the desk", async () => {
    const { service } = await createPractice();
    const admin = await createStaffMember("ADMIN");
    const desk = await createStaffMember("FRONT_DESK");
    expect(await createPackageOffer(desk, form(service.id), ctx()).catch((e: unknown) => (e as AppError).code)).toBe("FORBIDDEN");
    const bad = await createPackageOffer(admin, { ...form(service.id), visits: "0", price: "abc" }, ctx()).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Error);

    const { id } = await createPackageOffer(admin, form(service.id), ctx());
    expect(await getPrisma().packageOffer.findUniqueOrThrow({ where: { id } })).toMatchObject({ visits: 6, validityDays: 183, priceCents: 60_000, currency: "USD" });
    expect((await listActiveOffers()).some((o) => o.id === id)).toBe(true);

    await updatePackageOffer(admin, { ...form(service.id), id, active: false }, ctx());
    expect((await listActiveOffers()).some((o) => o.id === id)).toBe(false);
    const audit = await getPrisma().auditLog.findMany({ where: { entityId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.staffUserId])).toEqual([
      ["settings.package.create", admin.id],
      ["settings.package.update", admin.id],
    ]);
  });
});

describe("a patient's packages, as staff see them", () => {
  it("lists the bought packages with their ledger, not the unpaid checkouts, and audits the read", async () => {
    const { service } = await createPractice();
    const admin = await createStaffMember("ADMIN");
    const desk = await createStaffMember("FRONT_DESK");
    const { id: offerId } = await createPackageOffer(admin, form(service.id), ctx());
    const prisma = getPrisma();
    const patientId = await prisma.$transaction((tx) => upsertPatient(tx, patientInput(), "en"));
    const [paid, unpaid] = await Promise.all(
      ["paid", "unpaid"].map(async () => {
        const row = await prisma.patientPackage.create({ data: { offerId, patientId, visitsTotal: 6, codeHash: `pending-${Math.random()}` } });
        await prisma.patientPackage.update({ where: { id: row.id }, data: { codeHash: hashPackageCode(packageCodeFor(row.id)) } });
        return row.id;
      }),
    );
    await prisma.$transaction((tx) => completePackagePurchase(tx, { patientPackageId: paid!, checkoutSessionId: "cs_test_listed", paymentIntentId: "pi_test_listed", now: new Date() }));

    const listed = await loadPatientPackages(desk, patientId, ctx());
    expect(listed.map((p) => [p.id, p.visitsLeft, p.visitsTotal, p.entries.map((e) => e.kind)])).toEqual([[paid, 6, 6, ["PURCHASE"]]]);
    expect(listed.some((p) => p.id === unpaid)).toBe(false);
    const read = await prisma.auditLog.findMany({ where: { action: "package.balance.view", patientId } });
    expect(read.map((a) => a.staffUserId)).toEqual([desk.id]);
  });
});
