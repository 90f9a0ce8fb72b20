import { beforeEach, describe, expect, it } from "vitest";
import { createStaffMember } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { MAX_IMAGE_BYTES } from "../images/image-file";
import { findPracticeDetails } from "./data";
import { updatePracticeSettings } from "./mutations";
import { MAX_POLICY_LENGTH, type PracticeSettingsForm } from "./schema";

const ctx = { now: new Date("2026-11-23T12:00:00Z"), ipAddress: "192.0.2.61" };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7, 7, 7]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2]);

const pngFile = () => new File([PNG], "logo.png", { type: "image/png" });
const noFile = () => new File([], "", { type: "application/octet-stream" });

const BASE = {
  name: "Mesa Physio",
  phone: "+1 915-555-0100",
  email: "front@mesa.test",
  address: "1 Mesa St, El Paso, TX",
  cancellationPolicyEn: "Cancel a day ahead.",
  cancellationPolicyEs: "Cancele con un día de antelación.",
  privacyPolicyEn: "We keep what we need.",
  privacyPolicyEs: "Guardamos lo necesario.",
} satisfies PracticeSettingsForm;

const failure = (e: unknown) => (e instanceof AppError ? { code: e.code, fields: e.fields ?? {} } : { code: String(e), fields: {} });

async function snapshot() {
  const prisma = getPrisma();
  return {
    practice: await prisma.practice.findUnique({ where: { id: 1 } }),
    audits: await prisma.auditLog.count({ where: { action: "settings.practice.update" } }),
    images: await prisma.storedImage.count(),
  };
}

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

beforeEach(async () => {
  admin = await createStaffMember("ADMIN");
  // Every test starts from the same saved practice, with no logo.
  const prisma = getPrisma();
  const row = { ...BASE, logoImageId: null, isDemo: false, emailReminderHours: 24, smsReminderHours: 2, lateCancelWindowMinutes: 1440, lateCancelFeeCents: 0, noShowFeeCents: 0 };
  await prisma.practice.upsert({ where: { id: 1 }, create: { id: 1, ...row }, update: row });
});

describe("updatePracticeSettings", () => {
  it("saves every detail cleaned of invisible characters, shows it to patients, and audits which fields changed but not their values", async () => {
    const result = await updatePracticeSettings(
      admin,
      {
        ...BASE,
        name: " \u202EMesa\u200B Physio & Sport ",
        email: " Hello@Mesa.TEST ",
        phone: "",
        cancellationPolicyEs: "Primer párrafo.\r\n\r\nSegundo\u2066 párrafo.",
      },
      noFile(),
      ctx,
    );
    expect(result.changed.sort()).toEqual(["cancellationPolicyEs", "email", "name", "phone"]);

    const details = await findPracticeDetails();
    expect(details).toMatchObject({ name: "Mesa Physio & Sport", email: "hello@mesa.test", phone: null, logoUrl: null, saved: true });
    expect(details.cancellationPolicy).toEqual({ en: "Cancel a day ahead.", es: "Primer párrafo.\n\nSegundo párrafo." });

    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "settings.practice.update", staffUserId: admin.id } });
    expect(log).toMatchObject({ actor: admin.email, entity: "Practice", entityId: "1", ipAddress: "192.0.2.61" });
    expect((log.detail as { changed: string[] }).changed.sort()).toEqual(["cancellationPolicyEs", "email", "name", "phone"]);
    expect(JSON.stringify(log.detail)).not.toContain("Mesa");
    expect(JSON.stringify(log.detail)).not.toContain("hello@");
  });

  it("stores an uploaded logo, replaces it (dropping the old picture) and removes it", async () => {
    const prisma = getPrisma();
    expect((await updatePracticeSettings(admin, BASE, pngFile(), ctx)).changed).toEqual(["logo"]);
    const first = (await prisma.practice.findUniqueOrThrow({ where: { id: 1 } })).logoImageId!;
    expect(await findPracticeDetails()).toMatchObject({ logoUrl: `/api/images/${first}` });
    expect((await prisma.storedImage.findUniqueOrThrow({ where: { id: first } })).contentType).toBe("image/png");

    await updatePracticeSettings(admin, BASE, new File([JPEG], "logo.jpg"), ctx);
    const second = (await prisma.practice.findUniqueOrThrow({ where: { id: 1 } })).logoImageId!;
    expect(second).not.toBe(first);
    expect(await prisma.storedImage.findUnique({ where: { id: first } })).toBeNull();

    expect((await updatePracticeSettings(admin, { ...BASE, removeLogo: "on" }, noFile(), ctx)).changed).toEqual(["logo"]);
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: 1 } })).logoImageId).toBeNull();
    expect(await prisma.storedImage.findUnique({ where: { id: second } })).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "settings.practice.update", staffUserId: admin.id } })).toBe(3);
  });

  it("refuses an SVG named .png and saves none of the other fields either", async () => {
    const before = await snapshot();
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], "logo.png", { type: "image/png" });
    const refused = await refusal(updatePracticeSettings(admin, { ...BASE, name: "Renamed Physio" }, svg, ctx));
    expect(refused).toEqual({ code: "VALIDATION_FAILED", fields: { logo: expect.stringMatching(/not a PNG, JPEG or WebP/) } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a picture over the limit and bad text with one message per field, all at once, writing nothing", async () => {
    const before = await snapshot();
    const big = new File([PNG, new Uint8Array(MAX_IMAGE_BYTES)], "big.png", { type: "image/png" });
    const refused = await refusal(updatePracticeSettings(
      admin,
      {
        ...BASE,
        name: "\u200B\u200D ",
        email: "front desk at mesa",
        phone: "call us!",
        address: "x".repeat(301),
        privacyPolicyEs: "y".repeat(MAX_POLICY_LENGTH + 1),
      },
      big,
      ctx,
    ));
    expect(refused.code).toBe("VALIDATION_FAILED");
    expect(refused.fields).toEqual({
      name: "Enter the practice's name.",
      email: expect.stringMatching(/valid email/),
      phone: expect.stringMatching(/Use digits/),
      address: "Use at most 300 characters.",
      privacyPolicyEs: "Use at most 10,000 characters.",
      logo: expect.stringMatching(/the most it may be is 512 KB/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("sets how long before a visit each reminder goes, 0 turning one off, and audits which changed", async () => {
    expect(await updatePracticeSettings(admin, { ...BASE, emailReminderHours: " 48 ", smsReminderHours: "0" }, noFile(), ctx)).toEqual({
      changed: ["emailReminderHours", "smsReminderHours"],
    });
    expect(await getPrisma().practice.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ emailReminderHours: 48, smsReminderHours: 0 });
    expect(await findPracticeDetails()).toMatchObject({ reminderHours: { email: 48, sms: 0 } });
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "settings.practice.update" }, orderBy: { at: "desc" } });
    expect(audit.detail).toEqual({ changed: ["emailReminderHours", "smsReminderHours"] });
  });

  it("refuses reminder hours that are not a whole number up to a week, writing nothing", async () => {
    const before = await snapshot();
    const refused = await refusal(updatePracticeSettings(admin, { ...BASE, name: "Changed", emailReminderHours: "1.5", smsReminderHours: "200" }, noFile(), ctx));
    expect(refused).toEqual({
      code: "VALIDATION_FAILED",
      fields: { emailReminderHours: "Enter a whole number of hours from 0 to 168, e.g. 24 (0 sends none).", smsReminderHours: "Use at most 168 hours (a week)." },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("sets the cancellation policy from hours and dollars, patients' terms read it, and audits which changed", async () => {
    expect(await updatePracticeSettings(admin, { ...BASE, lateCancelWindowHours: "48", lateCancelFee: "$25", noShowFee: "40.50" }, noFile(), ctx)).toEqual({
      changed: ["lateCancelWindowMinutes", "lateCancelFeeCents", "noShowFeeCents"],
    });
    expect(await getPrisma().practice.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ lateCancelWindowMinutes: 2880, lateCancelFeeCents: 2500, noShowFeeCents: 4050 });
    expect((await findPracticeDetails()).feePolicy).toEqual({ lateCancelWindowMinutes: 2880, lateCancelFeeCents: 2500, noShowFeeCents: 4050 });
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "settings.practice.update" }, orderBy: { at: "desc" } });
    expect(audit.detail).toEqual({ changed: ["lateCancelWindowMinutes", "lateCancelFeeCents", "noShowFeeCents"] });
    // A form without the fields (an older page) keeps the defaults: no fee, a day's window.
    expect((await updatePracticeSettings(admin, BASE, noFile(), ctx)).changed).toEqual(["lateCancelWindowMinutes", "lateCancelFeeCents", "noShowFeeCents"]);
  });

  it("refuses a window or fee that is not a whole number of hours or an amount, with a message per field, writing nothing", async () => {
    const before = await snapshot();
    const refused = await refusal(updatePracticeSettings(admin, { ...BASE, name: "Changed", lateCancelWindowHours: "400", lateCancelFee: "-5", noShowFee: "12.345" }, noFile(), ctx));
    expect(refused).toEqual({
      code: "VALIDATION_FAILED",
      fields: {
        lateCancelWindowHours: "Use at most 336 hours (two weeks).",
        lateCancelFee: "Enter the late-cancellation fee in dollars and cents, e.g. 25.00 (0 for none).",
        noShowFee: "Enter the no-show fee in dollars and cents, e.g. 25.00 (0 for none).",
      },
    });
    expect((await refusal(updatePracticeSettings(admin, { ...BASE, noShowFee: "20000" }, noFile(), ctx))).fields).toEqual({ noShowFee: "Enter a no-show fee of at most 10,000.00." });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a phone number with too few digits", async () => {
    const refused = await refusal(updatePracticeSettings(admin, { ...BASE, phone: "+1 (5)" }, noFile(), ctx));
    expect(refused.fields).toEqual({ phone: "A phone number has at least 6 digits." });
  });

  it("writes nothing and logs nothing when the form changed nothing", async () => {
    const before = await snapshot();
    expect(await updatePracticeSettings(admin, BASE, noFile(), ctx)).toEqual({ changed: [] });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses front desk and therapists", async () => {
    const before = await snapshot();
    for (const role of ["FRONT_DESK", "THERAPIST"] as const) {
      const member = await createStaffMember(role);
      expect((await refusal(updatePracticeSettings(member, { ...BASE, name: "Taken Over" }, noFile(), ctx))).code).toBe("FORBIDDEN");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("creates the practice's row when there is none yet, and patients see a neutral name until then", async () => {
    await getPrisma().practice.delete({ where: { id: 1 } });
    expect(await findPracticeDetails()).toMatchObject({ name: "Stride", saved: false, isDemo: false });
    await updatePracticeSettings(admin, BASE, noFile(), ctx);
    expect(await findPracticeDetails()).toMatchObject({ name: "Mesa Physio", saved: true });
  });
});
