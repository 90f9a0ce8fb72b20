import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { isSetupTokenUsable } from "./data";
import { completeSetup, createAdmin } from "./mutations";
import { hashSetupToken, issueSetupToken, SETUP_TOKEN_TTL_MS } from "./token";

const NOW = new Date("2026-11-28T09:00:00Z");
const ctx = { now: NOW, ipAddress: "192.0.2.80" };
const failure = (e: unknown) => (e instanceof AppError ? { code: e.code, message: e.message, fields: e.fields } : { code: String(e) });

const form = (overrides: Record<string, string> = {}) => ({
  adminName: "Olga Owner",
  adminEmail: `owner-${randomUUID()}@clinic.test`,
  password: "correct horse battery",
  practiceName: "Riverside Physio",
  practicePhone: "+1 555 0100",
  practiceEmail: "hello@riverside.test",
  practiceAddress: "1 River Rd, Springfield",
  locationName: `Riverside ${randomUUID().slice(0, 8)}`,
  addressLine1: "1 River Rd",
  city: "Springfield",
  region: "OR",
  postalCode: "97477",
  timeZone: "America/Los_Angeles",
  locationPhone: "",
  ...overrides,
});

// The setup only opens while no administrator exists, and the test database
// is shared with other files that create administrators: set theirs aside
// for this file (files run one at a time) and put them back afterwards.
let setAside: string[] = [];
beforeAll(async () => {
  const admins = await getPrisma().staffUser.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  setAside = admins.map((a) => a.id);
  await getPrisma().staffUser.updateMany({ where: { id: { in: setAside } }, data: { active: false } });
});
afterEach(async () => {
  await getPrisma().staffUser.updateMany({ where: { role: "ADMIN", id: { notIn: setAside } }, data: { active: false } });
});
afterAll(async () => {
  await getPrisma().staffUser.updateMany({ where: { id: { in: setAside } }, data: { active: true } });
});

describe("setup links", () => {
  it("stores only the SHA-256 of a 256-bit token, valid for 24 hours", async () => {
    const token = (await issueSetupToken(getPrisma(), NOW))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await getPrisma().setupToken.count({ where: { tokenHash: token } })).toBe(0);
    const row = await getPrisma().setupToken.findUniqueOrThrow({ where: { tokenHash: hashSetupToken(token) } });
    expect(row.expiresAt.getTime() - NOW.getTime()).toBe(SETUP_TOKEN_TTL_MS);

    expect(await isSetupTokenUsable(token, new Date(NOW.getTime() + SETUP_TOKEN_TTL_MS - 1000))).toBe(true);
    const late = new Date(NOW.getTime() + SETUP_TOKEN_TTL_MS + 1000);
    expect(await isSetupTokenUsable(token, late)).toBe(false);
    expect(await completeSetup(token, form(), { ...ctx, now: late }).catch(failure)).toMatchObject({ code: "NOT_FOUND" });
  });

  it("retires older links when a new one is issued", async () => {
    const older = (await issueSetupToken(getPrisma(), NOW))!;
    const newer = (await issueSetupToken(getPrisma(), NOW))!;
    expect(await isSetupTokenUsable(older, NOW)).toBe(false);
    expect(await isSetupTokenUsable(newer, NOW)).toBe(true);
    expect(await completeSetup(older, form(), ctx).catch(failure)).toMatchObject({ code: "NOT_FOUND" });
  });

  it("creates the administrator, practice and location once, audited, and the administrator signs in", async () => {
    const token = (await issueSetupToken(getPrisma(), NOW))!;
    const input = form();
    const done = await completeSetup(token, input, ctx);

    const practice = await getPrisma().practice.findUniqueOrThrow({ where: { id: 1 } });
    expect(practice).toMatchObject({ name: "Riverside Physio", phone: "+1 555 0100", email: "hello@riverside.test" });
    const location = await getPrisma().location.findFirstOrThrow({ where: { name: input.locationName } });
    expect(location).toMatchObject({ timeZone: "America/Los_Angeles", city: "Springfield", phone: null });
    expect((await signInWithPassword(input.adminEmail, input.password, { now: NOW, ipAddress: "192.0.2.81", userAgent: "vitest" }))?.id).toBe(done.adminId);
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "setup.complete", entityId: done.adminId } });
    expect(JSON.stringify(log.detail)).not.toContain(input.password);

    expect(await isSetupTokenUsable(token, NOW)).toBe(false);
    expect(await completeSetup(token, form(), ctx).catch(failure)).toMatchObject({ code: "NOT_FOUND" });
  });

  it("creates one administrator when the same link is submitted twice at once", async () => {
    const token = (await issueSetupToken(getPrisma(), NOW))!;
    const before = await getPrisma().staffUser.count({ where: { role: "ADMIN" } });
    const results = await Promise.allSettled([completeSetup(token, form(), ctx), completeSetup(token, form(), ctx), completeSetup(token, form(), ctx)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(failure(r.reason)).toMatchObject({ code: "NOT_FOUND" });
    expect(await getPrisma().staffUser.count({ where: { role: "ADMIN" } })).toBe(before + 1);
  });

  it("is dead once an administrator exists, and no new link is issued", async () => {
    const token = (await issueSetupToken(getPrisma(), NOW))!;
    await createAdmin({ email: `cli-${randomUUID()}@clinic.test`, name: "Cli Admin" }, ctx);
    expect(await isSetupTokenUsable(token, NOW)).toBe(false);
    expect(await completeSetup(token, form(), ctx).catch(failure)).toMatchObject({ code: "NOT_FOUND" });
    expect(await issueSetupToken(getPrisma(), NOW)).toBeNull();
  });

  it("rejects a bad time zone, a short password and a malformed link, writing nothing", async () => {
    const token = (await issueSetupToken(getPrisma(), NOW))!;
    const result = await completeSetup(token, form({ timeZone: "Mars/Olympus", password: "short" }), ctx).catch(failure);
    expect(result).toMatchObject({ code: "VALIDATION_FAILED", fields: { timeZone: expect.any(String), password: "Use at least 12 characters." } });
    expect(await isSetupTokenUsable(token, NOW)).toBe(true);
    expect(await completeSetup("not-a-token", form(), ctx).catch(failure)).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("createAdmin (npm run admin:create)", () => {
  it("creates an administrator with a temporary password that signs in, and names the practice", async () => {
    const email = `cli-${randomUUID()}@clinic.test`;
    const created = await createAdmin({ email: email.toUpperCase(), name: "Cli Admin", practiceName: "Hillside Physio" }, ctx);
    expect(created.email).toBe(email);
    const row = await getPrisma().staffUser.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ role: "ADMIN", active: true });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signInWithPassword(email, created.temporaryPassword, { now: NOW, ipAddress: "192.0.2.82", userAgent: "vitest" }))?.id).toBe(created.id);
    expect((await getPrisma().practice.findUniqueOrThrow({ where: { id: 1 } })).name).toBe("Hillside Physio");
    expect(await getPrisma().auditLog.count({ where: { action: "setup.admin-create", entityId: created.id } })).toBe(1);
  });

  it("refuses a second administrator unless forced, and a taken email", async () => {
    const first = await createAdmin({ email: `cli-${randomUUID()}@clinic.test`, name: "First" }, ctx);
    expect(await createAdmin({ email: `cli-${randomUUID()}@clinic.test`, name: "Second" }, ctx).catch(failure)).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await createAdmin({ email: first.email, name: "Again", force: true }, ctx).catch(failure)).toMatchObject({ code: "VALIDATION_FAILED" });
    const forced = await createAdmin({ email: `cli-${randomUUID()}@clinic.test`, name: "Second", force: true }, ctx);
    expect(forced.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  });
});

describe("npm run admin:create", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  // The command exactly as package.json runs it, against this test's database.
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin-create.ts", ...args], {
      // DATABASE_URL is this run's test database (test/integration-env.ts).
      cwd: root,
      env: process.env,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("prints a temporary password that signs in, then refuses a second administrator", async () => {
    const email = `cmd-${randomUUID()}@clinic.test`;
    const created = await run("--email", email, "--name", "Command Admin");
    expect(created.code).toBe(0);
    const password = created.stdout.trim().split("\n").at(-1)!;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await signInWithPassword(email, password, { now: new Date(), ipAddress: "192.0.2.83", userAgent: "vitest" })).not.toBeNull();

    const refused = await run("--email", `cmd-${randomUUID()}@clinic.test`, "--name", "Second");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("An administrator already exists");
    expect((await run("--name", "No email")).code).toBe(2);
  });
});
