import { describe, expect, it } from "vitest";
import { uniq } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import type { StaffRole } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { resumeSession, revokeSession, signInWithPassword } from "./mutations";
import { hashPassword } from "./password";

const NOW = new Date("2026-11-23T08:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function createStaff(role: StaffRole = "FRONT_DESK", password = "correct horse battery") {
  const email = `${uniq("staff")}@clinic.test`;
  const user = await getPrisma().staffUser.create({ data: { email, name: "Sam Staff", role, passwordHash: await hashPassword(password) } });
  return { user, email, password };
}

const ctx = (ipAddress = uniq("198.51.100")) => ({ now: NOW, ipAddress, userAgent: "vitest" });

describe("signInWithPassword", () => {
  it("opens a server-side session for the right password, whatever the email's case", async () => {
    const { user, email, password } = await createStaff();
    const staff = await signInWithPassword(email.toUpperCase(), password, ctx());
    expect(staff?.id).toBe(user.id);
    const session = await getPrisma().staffSession.findUniqueOrThrow({ where: { id: staff!.sessionId } });
    expect(session.expiresAt.toISOString()).toBe("2026-11-23T20:00:00.000Z");
    expect(await getPrisma().auditLog.count({ where: { entityId: session.id, action: "staff.sign-in" } })).toBe(1);
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const { email } = await createStaff();
    expect(await signInWithPassword(email, "wrong password", ctx())).toBeNull();
    expect(await signInWithPassword(`${uniq("nobody")}@clinic.test`, "wrong password", ctx())).toBeNull();
  });

  it("refuses an account after five failures, even with the right password, until the window ends", async () => {
    const { email, password } = await createStaff();
    for (let i = 0; i < 5; i++) expect(await signInWithPassword(email, "guess", ctx())).toBeNull();
    const error = await signInWithPassword(email, password, ctx()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("RATE_LIMITED");
    const nextWindow = { ...ctx(), now: later(15 * 60_000) };
    expect(await signInWithPassword(email, password, nextWindow)).not.toBeNull();
  });

  it("refuses an address after twenty failures across accounts", async () => {
    const address = uniq("203.0.113");
    for (let i = 0; i < 20; i++) await signInWithPassword(`${uniq("guess")}@clinic.test`, "guess", ctx(address));
    const { email, password } = await createStaff();
    await expect(signInWithPassword(email, password, ctx(address))).rejects.toThrow(/Too many failed sign-ins/);
    expect(await signInWithPassword(email, password, ctx())).not.toBeNull();
  });

  it("does not let a deactivated account in", async () => {
    const { user, email, password } = await createStaff();
    await getPrisma().staffUser.update({ where: { id: user.id }, data: { active: false } });
    expect(await signInWithPassword(email, password, ctx())).toBeNull();
  });
});

describe("resumeSession", () => {
  it("holds with activity, ends after 15 idle minutes, at 12 hours, and at sign-out", async () => {
    const { email, password } = await createStaff("THERAPIST");
    const staff = (await signInWithPassword(email, password, ctx()))!;

    const active = await resumeSession(staff.sessionId, later(14 * 60_000));
    expect("staff" in active && active.staff.role).toBe("THERAPIST");
    // That request was activity: 14 more minutes are fine, 15 idle minutes are not.
    expect("staff" in (await resumeSession(staff.sessionId, later(28 * 60_000)))).toBe(true);
    expect(await resumeSession(staff.sessionId, later(43 * 60_000))).toEqual({ ended: "idle" });

    const second = (await signInWithPassword(email, password, ctx()))!;
    let t = 0;
    while (t < 12 * 3_600_000 - 10 * 60_000) {
      t += 10 * 60_000;
      expect("staff" in (await resumeSession(second.sessionId, later(t)))).toBe(true);
    }
    expect(await resumeSession(second.sessionId, later(12 * 3_600_000))).toEqual({ ended: "expired" });

    const third = (await signInWithPassword(email, password, ctx()))!;
    await revokeSession(third.sessionId, later(60_000));
    expect(await resumeSession(third.sessionId, later(61_000))).toEqual({ ended: "revoked" });
  });

  it("does not resume an unknown session", async () => {
    expect(await resumeSession("00000000-0000-4000-8000-000000000000", NOW)).toEqual({ ended: "unknown" });
  });
});
