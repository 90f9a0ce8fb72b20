import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, uniq } from "../../test/fixtures";
import { signInWithPassword } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { listLinkableTherapists, listStaffAccounts } from "./data";
import { createStaffAccount, deactivateStaffAccount, reactivateStaffAccount, resetStaffAccess } from "./mutations";

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "192.0.2.44" };
// Each sign-in comes from its own address, so the failure counters of one test never touch another's.
const signInCtx = () => ({ now: NOW, ipAddress: uniq("192.0.2"), userAgent: "vitest" });

const failure = (e: unknown) => (e instanceof AppError ? { code: e.code, message: e.message, fields: e.fields } : { code: String(e) });
const newEmail = () => `${uniq("new")}@clinic.test`;

async function createFrontDesk(admin: Awaited<ReturnType<typeof createStaffMember>>) {
  const email = newEmail();
  const created = await createStaffAccount(admin, { email, name: "Robin Desk", role: "FRONT_DESK" }, ctx);
  return { ...created, email };
}

describe("createStaffAccount", () => {
  it("creates an account whose temporary password signs in, stored only as an argon2id hash", async () => {
    const admin = await createStaffMember("ADMIN");
    const email = newEmail();
    const { account, temporaryPassword } = await createStaffAccount(admin, { email: ` ${email.toUpperCase()} `, name: " Robin Desk ", role: "FRONT_DESK", therapistId: "" }, ctx);

    expect(account).toMatchObject({ email, name: "Robin Desk", role: "FRONT_DESK", therapistId: null });
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    const row = await getPrisma().staffUser.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(temporaryPassword);
    expect((await signInWithPassword(email, temporaryPassword, signInCtx()))?.id).toBe(account.id);

    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: account.id, action: "staff.create" } });
    expect(log).toMatchObject({ staffUserId: admin.id, actor: admin.email, entity: "StaffUser", ipAddress: "192.0.2.44" });
    expect(JSON.stringify(log.detail)).not.toContain(temporaryPassword);
  });

  it("links a therapist account to its therapist, and only a therapist account", async () => {
    const { therapists } = await createPractice({ therapists: 2 });
    const admin = await createStaffMember("ADMIN");

    expect(await createStaffAccount(admin, { email: newEmail(), name: "T", role: "THERAPIST" }, ctx).catch(failure)).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { therapistId: "Choose the therapist this account belongs to." },
    });
    expect(await createStaffAccount(admin, { email: newEmail(), name: "D", role: "FRONT_DESK", therapistId: therapists[0]!.id }, ctx).catch(failure)).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { therapistId: "Only therapist accounts are linked to a therapist." },
    });
    const { account } = await createStaffAccount(admin, { email: newEmail(), name: "T", role: "THERAPIST", therapistId: therapists[0]!.id }, ctx);
    expect(account.therapistId).toBe(therapists[0]!.id);

    const linkable = (await listLinkableTherapists(admin)).map((t) => t.id);
    expect(linkable).toContain(therapists[1]!.id);
    expect(linkable).not.toContain(therapists[0]!.id);
    expect(await createStaffAccount(admin, { email: newEmail(), name: "T2", role: "THERAPIST", therapistId: therapists[0]!.id }, ctx).catch(failure)).toMatchObject({
      fields: { therapistId: "This therapist already has an account." },
    });
  });

  it("refuses an email already in use in any case, and invalid fields", async () => {
    const admin = await createStaffMember("ADMIN");
    const { email } = await createFrontDesk(admin);
    expect(await createStaffAccount(admin, { email: email.toUpperCase(), name: "Again", role: "ADMIN" }, ctx).catch(failure)).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { email: "An account with this email already exists." },
    });
    const invalid = await createStaffAccount(admin, { email: "nope", name: " ", role: "OWNER" as "ADMIN" }, ctx).catch(failure);
    expect(Object.keys((invalid as { fields: object }).fields).sort()).toEqual(["email", "name", "role"]);
  });
});

describe("resetStaffAccess", () => {
  it("sets a new temporary password, ends every open session, and the old password stops working", async () => {
    const admin = await createStaffMember("ADMIN");
    const { account, email, temporaryPassword: oldPassword } = await createFrontDesk(admin);
    const first = (await signInWithPassword(email, oldPassword, signInCtx()))!;
    const second = (await signInWithPassword(email, oldPassword, signInCtx()))!;

    const reset = await resetStaffAccess(admin, account.id, ctx);
    expect(reset.sessionsRevoked).toBe(2);
    expect(reset.temporaryPassword).not.toBe(oldPassword);
    const sessions = await getPrisma().staffSession.findMany({ where: { id: { in: [first.sessionId, second.sessionId] } } });
    expect(sessions.map((s) => s.revokedAt?.toISOString())).toEqual([NOW.toISOString(), NOW.toISOString()]);

    expect(await signInWithPassword(email, oldPassword, signInCtx())).toBeNull();
    expect((await signInWithPassword(email, reset.temporaryPassword, signInCtx()))?.id).toBe(account.id);
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: account.id, action: "staff.reset-access" } });
    expect(log).toMatchObject({ staffUserId: admin.id, detail: { sessionsRevoked: 2 } });
  });

  it("lifts a sign-in lockout, so the new password works at once", async () => {
    const admin = await createStaffMember("ADMIN");
    const { account, email } = await createFrontDesk(admin);
    const from = signInCtx();
    for (let i = 0; i < 5; i++) expect(await signInWithPassword(email, "guess", from)).toBeNull();
    expect(failure(await signInWithPassword(email, "guess", from).catch((e: unknown) => e)).code).toBe("RATE_LIMITED");

    const reset = await resetStaffAccess(admin, account.id, ctx);
    expect((await signInWithPassword(email, reset.temporaryPassword, from))?.id).toBe(account.id);
  });

  it("refuses an administrator's own account and an unknown account", async () => {
    const admin = await createStaffMember("ADMIN");
    expect(await resetStaffAccess(admin, admin.id, ctx).catch(failure)).toMatchObject({ code: "FORBIDDEN" });
    expect(await resetStaffAccess(admin, randomUUID(), ctx).catch(failure)).toMatchObject({ code: "NOT_FOUND" });
    expect(await resetStaffAccess(admin, "nope", ctx).catch(failure)).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("deactivateStaffAccount and reactivateStaffAccount", () => {
  it("refuses sign-in and ends sessions while deactivated; lets the same password in again once reactivated", async () => {
    const admin = await createStaffMember("ADMIN");
    const { account, email, temporaryPassword } = await createFrontDesk(admin);
    const session = (await signInWithPassword(email, temporaryPassword, signInCtx()))!;

    expect(await deactivateStaffAccount(admin, account.id, ctx)).toEqual({ sessionsRevoked: 1 });
    expect((await getPrisma().staffSession.findUniqueOrThrow({ where: { id: session.sessionId } })).revokedAt).toEqual(NOW);
    expect(await signInWithPassword(email, temporaryPassword, signInCtx())).toBeNull();
    expect((await listStaffAccounts(admin)).find((a) => a.id === account.id)?.active).toBe(false);

    await reactivateStaffAccount(admin, account.id, ctx);
    expect(await signInWithPassword(email, temporaryPassword, signInCtx())).not.toBeNull();
    const actions = await getPrisma().auditLog.findMany({ where: { entityId: account.id, action: { startsWith: "staff." } }, orderBy: { at: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["staff.create", "staff.deactivate", "staff.reactivate"]);
  });

  it("does not let an administrator deactivate themselves", async () => {
    const admin = await createStaffMember("ADMIN");
    expect(await deactivateStaffAccount(admin, admin.id, ctx).catch(failure)).toMatchObject({ code: "FORBIDDEN" });
    expect((await getPrisma().staffUser.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });
});

describe("staff accounts: who may call what", () => {
  it("lets administrators do everything, and no one else anything", async () => {
    const { therapists } = await createPractice({ therapists: 2 });
    const admin = await createStaffMember("ADMIN");
    const { account } = await createFrontDesk(admin);
    const members = {
      ADMIN: admin,
      FRONT_DESK: await createStaffMember("FRONT_DESK"),
      THERAPIST: await createStaffMember("THERAPIST", therapists[0]!.id),
    };
    type Member = (typeof members)[keyof typeof members];
    const calls: Record<string, (m: Member) => Promise<unknown>> = {
      listStaffAccounts: (m) => listStaffAccounts(m),
      listLinkableTherapists: (m) => listLinkableTherapists(m),
      createStaffAccount: (m) => createStaffAccount(m, { email: newEmail(), name: "Matrix", role: "FRONT_DESK" }, ctx),
      resetStaffAccess: (m) => resetStaffAccess(m, account.id, ctx),
      deactivateStaffAccount: (m) => deactivateStaffAccount(m, account.id, ctx),
      reactivateStaffAccount: (m) => reactivateStaffAccount(m, account.id, ctx),
    };
    const outcomes: Record<string, Record<string, string>> = {};
    for (const [name, call] of Object.entries(calls)) {
      for (const [role, member] of Object.entries(members)) {
        (outcomes[name] ??= {})[role] = await call(member).then(
          () => "allowed",
          (e: unknown) => failure(e).code,
        );
      }
    }
    const adminOnly = { ADMIN: "allowed", FRONT_DESK: "FORBIDDEN", THERAPIST: "FORBIDDEN" };
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(calls).map((name) => [name, adminOnly])));
  });
});
