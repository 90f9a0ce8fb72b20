import { beforeEach, describe, expect, it } from "vitest";
import { createStaffMember, uniq } from "../../test/fixtures";
import { listReasons } from "../booking/data";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { listReasonsForSettings } from "./data";
import { createReason, moveReason, setReasonActive, updateReasonLabels } from "./mutations";

const ctx = { now: new Date("2026-11-23T12:00:00Z"), ipAddress: "192.0.2.71" };
const failure = (e: unknown) => (e instanceof AppError ? { code: e.code, message: e.message, fields: e.fields ?? {} } : { code: String(e), message: "", fields: {} });

/** The refusal a call ends in; a call that succeeds fails the test. */
async function refusal(call: Promise<unknown>) {
  return call.then(
    () => {
      throw new Error("expected a refusal");
    },
    failure,
  );
}

let admin: Awaited<ReturnType<typeof createStaffMember>>;

async function snapshot() {
  const prisma = getPrisma();
  return {
    reasons: await prisma.visitReason.findMany({ orderBy: { id: "asc" } }),
    audits: await prisma.auditLog.count({ where: { action: { in: ["settings.reason.create", "settings.reason.update"] } } }),
  };
}

const slugsInOrder = async () => (await listReasonsForSettings(admin)).map((r) => r.slug);

beforeEach(async () => {
  admin = await createStaffMember("ADMIN");
  // The list is the practice's one list: each test starts from an empty one.
  await getPrisma().visitReason.deleteMany();
});

describe("reasons for visit", () => {
  it("adds a reason at the end, active, with a slug from its English label (never the form's own 'other'), audited; the booking form lists it", async () => {
    await createReason(admin, { labelEn: "Ankle sprain", labelEs: "Esguince de tobillo" }, ctx);
    const { id } = await createReason(admin, { labelEn: " \u200BRunner's knee\u202E ", labelEs: "Rodilla del corredor" }, ctx);
    const again = await createReason(admin, { labelEn: "Runner’s knee", labelEs: "Rodilla del corredor (2)" }, ctx);

    await createReason(admin, { labelEn: "Other", labelEs: "Otro" }, ctx);
    expect(await slugsInOrder()).toEqual(["ankle-sprain", "runner-s-knee", "runner-s-knee-2", "other-2"]);
    const row = await getPrisma().visitReason.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ labelEn: "Runner's knee", active: true });
    expect((await listReasons()).map((r) => r.label.es)).toEqual(["Esguince de tobillo", "Rodilla del corredor", "Rodilla del corredor (2)", "Otro"]);
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "settings.reason.create", entityId: again.id } });
    expect(log).toMatchObject({ staffUserId: admin.id, actor: admin.email, entity: "VisitReason", ipAddress: "192.0.2.71", detail: { slug: "runner-s-knee-2" } });
  });

  it("refuses empty, invisible-only or overlong labels with a message per field, writing nothing", async () => {
    const { id } = await createReason(admin, { labelEn: "Hip pain", labelEs: "Dolor de cadera" }, ctx);
    const before = await snapshot();
    const refused = await refusal(createReason(admin, { labelEn: "\u200B\u2066 ", labelEs: "x".repeat(121) }, ctx));
    expect(refused).toMatchObject({ code: "VALIDATION_FAILED", fields: { labelEn: "Enter the label in English.", labelEs: "Use at most 120 characters." } });
    const edit = await refusal(updateReasonLabels(admin, id, { labelEn: "Hip pain", labelEs: "" }, ctx));
    expect(edit).toMatchObject({ code: "VALIDATION_FAILED", fields: { labelEs: "Enter the label in Spanish." } });
    expect(await snapshot()).toEqual(before);
  });

  it("relabels a reason without changing its slug, auditing which labels changed", async () => {
    const { id } = await createReason(admin, { labelEn: "Hip pain", labelEs: "Dolor de cadera" }, ctx);
    expect(await updateReasonLabels(admin, id, { labelEn: "Hip or groin pain", labelEs: "Dolor de cadera" }, ctx)).toEqual({ changed: ["labelEn"] });
    expect(await getPrisma().visitReason.findUniqueOrThrow({ where: { id } })).toMatchObject({ slug: "hip-pain", labelEn: "Hip or groin pain" });
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "settings.reason.update", entityId: id } });
    expect(log.detail).toEqual({ changed: ["labelEn"] });
    // Saving the same labels again changes and logs nothing.
    const before = await snapshot();
    expect(await updateReasonLabels(admin, id, { labelEn: "Hip or groin pain", labelEs: "Dolor de cadera" }, ctx)).toEqual({ changed: [] });
    expect(await snapshot()).toEqual(before);
  });

  it("moves a reason up and down, refusing to move past either end, and the booking form follows the order", async () => {
    const a = await createReason(admin, { labelEn: "Alpha", labelEs: "Alfa" }, ctx);
    const b = await createReason(admin, { labelEn: "Bravo", labelEs: "Bravo" }, ctx);
    const c = await createReason(admin, { labelEn: "Charlie", labelEs: "Charlie" }, ctx);
    await moveReason(admin, c.id, "up", ctx);
    expect(await slugsInOrder()).toEqual(["alpha", "charlie", "bravo"]);
    await moveReason(admin, a.id, "down", ctx);
    expect((await listReasons()).map((r) => r.slug)).toEqual(["charlie", "alpha", "bravo"]);
    expect(await getPrisma().auditLog.count({ where: { action: "settings.reason.update", entityId: a.id } })).toBe(1);

    const before = await snapshot();
    expect(await refusal(moveReason(admin, c.id, "up", ctx))).toMatchObject({ code: "INVALID_TRANSITION", message: "This reason is already first." });
    expect(await refusal(moveReason(admin, b.id, "down", ctx))).toMatchObject({ code: "INVALID_TRANSITION", message: "This reason is already last." });
    expect(await refusal(moveReason(admin, b.id, "sideways" as "up", ctx))).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await snapshot()).toEqual(before);
  });

  it("numbers reasons with equal positions apart when one moves", async () => {
    await getPrisma().visitReason.createMany({
      data: ["one", "two", "three"].map((slug) => ({ slug, labelEn: slug, labelEs: slug, sortOrder: 0 })),
    });
    // Equal positions read in slug order: one, three, two.
    const two = await getPrisma().visitReason.findUniqueOrThrow({ where: { slug: "two" } });
    await moveReason(admin, two.id, "up", ctx);
    expect(await slugsInOrder()).toEqual(["one", "two", "three"]);
    expect((await getPrisma().visitReason.findMany({ orderBy: { sortOrder: "asc" } })).map((r) => r.sortOrder)).toEqual([0, 1, 2]);
  });

  it("deactivates and reactivates a reason, never deleting it: the booking form drops it and gets it back", async () => {
    const { id } = await createReason(admin, { labelEn: "Wrist pain", labelEs: "Dolor de muñeca" }, ctx);
    await setReasonActive(admin, id, false, ctx);
    expect((await listReasons()).map((r) => r.slug)).not.toContain("wrist-pain");
    expect((await listReasonsForSettings(admin)).find((r) => r.id === id)).toMatchObject({ active: false });
    await setReasonActive(admin, id, true, ctx);
    expect((await listReasons()).map((r) => r.slug)).toContain("wrist-pain");
    const logs = await getPrisma().auditLog.findMany({ where: { action: "settings.reason.update", entityId: id }, orderBy: { at: "asc" } });
    expect(logs.map((l) => l.detail)).toEqual([
      { changed: ["active"], active: false },
      { changed: ["active"], active: true },
    ]);
  });

  it("answers an unknown or malformed id as not found, and refuses front desk and therapists, writing nothing", async () => {
    const { id } = await createReason(admin, { labelEn: uniq("Reason"), labelEs: "Motivo" }, ctx);
    const before = await snapshot();
    expect((await refusal(setReasonActive(admin, "6f1c2d4e-0000-4000-8000-000000000000", false, ctx))).code).toBe("NOT_FOUND");
    expect((await refusal(updateReasonLabels(admin, "nope", { labelEn: "A", labelEs: "B" }, ctx))).code).toBe("NOT_FOUND");
    for (const role of ["FRONT_DESK", "THERAPIST"] as const) {
      const member = await createStaffMember(role);
      expect((await refusal(createReason(member, { labelEn: "Sneaky", labelEs: "Astuto" }, ctx))).code).toBe("FORBIDDEN");
      expect((await refusal(setReasonActive(member, id, false, ctx))).code).toBe("FORBIDDEN");
      expect((await refusal(moveReason(member, id, "up", ctx))).code).toBe("FORBIDDEN");
      expect((await refusal(listReasonsForSettings(member))).code).toBe("FORBIDDEN");
    }
    expect(await snapshot()).toEqual(before);
  });
});
