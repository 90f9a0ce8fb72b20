import { describe, expect, it } from "vitest";
import { uniq } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import type { StaffRole } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { clearSignInFailures, resumeSession, revokeSession, signInWithPassword, type StaffMember } from "./mutations";
import { hashPassword } from "./password";

const NOW = new Date("2026-11-23T08:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function createStaff(role: StaffRole = "FRONT_DESK", password = "correct horse battery") {
  const email = `${uniq("staff")}@clinic.test`;
  const user = await getPrisma().staffUser.create({ data: { email, name: "Sam Staff", role, passwordHash: await hashPassword(password) } });
  return { user, email, password };
}

const ctx = (ipAddress = uniq("198.51.100")) => ({ now: NOW, ipAddress, userAgent: "vitest" });

type Outcome = "signed-in" | "wrong-password" | "throttled";

/** What one sign-in came to: a session, a checked wrong password, or a refusal before any check. */
function outcomeOf(attempt: Promise<StaffMember | null>): Promise<Outcome> {
  return attempt.then(
    (staff) => (staff ? "signed-in" : "wrong-password"),
    (error: unknown) => {
      if (error instanceof AppError && error.code === "RATE_LIMITED") return "throttled";
      throw error;
    },
  );
}

const tally = (outcomes: Outcome[], kind: Outcome) => outcomes.filter((o) => o === kind).length;

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

  it("refuses an account from an address after five failures there, even with the right password, until the window ends", async () => {
    const { email, password } = await createStaff();
    const address = uniq("198.51.100");
    for (let i = 0; i < 5; i++) expect(await signInWithPassword(email, "guess", ctx(address))).toBeNull();
    const error = await signInWithPassword(email, password, ctx(address)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("RATE_LIMITED");
    const nextWindow = { ...ctx(address), now: later(15 * 60_000) };
    expect(await signInWithPassword(email, password, nextWindow)).not.toBeNull();
  });

  it("checks at most five passwords when thirty guesses arrive at once", async () => {
    const { email } = await createStaff();
    const address = uniq("198.51.100");
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => outcomeOf(signInWithPassword(email, "guess", ctx(address)))));
    expect(tally(outcomes, "wrong-password")).toBe(5);
    expect(tally(outcomes, "throttled")).toBe(25);
  });

  it("gives no session to the right password sent once the limit is reached, while guesses are still being checked", async () => {
    const { user, email, password } = await createStaff();
    const address = uniq("198.51.100");
    const guesses = Array.from({ length: 30 }, () => outcomeOf(signInWithPassword(email, "guess", ctx(address))));
    // The first refusal means five guesses hold the account's allowance; if
    // none is ever refused, the right password follows the whole burst.
    const firstRefusal = new Promise<void>((resolve) => guesses.forEach((g) => void g.then((o) => o === "throttled" && resolve(), () => {})));
    await Promise.race([firstRefusal, Promise.allSettled(guesses)]);
    const late = await Promise.all(Array.from({ length: 5 }, () => outcomeOf(signInWithPassword(email, password, ctx(address)))));
    const outcomes = await Promise.all(guesses);

    expect(tally(outcomes, "wrong-password")).toBeLessThanOrEqual(5);
    expect(late).toEqual(Array(5).fill("throttled"));
    expect(await getPrisma().staffSession.count({ where: { staffUserId: user.id } })).toBe(0);
  });

  it("does not count a successful sign-in against the allowance", async () => {
    const { email, password } = await createStaff();
    const address = uniq("198.51.100");
    for (let i = 0; i < 4; i++) expect(await signInWithPassword(email, "guess", ctx(address))).toBeNull();
    for (let i = 0; i < 10; i++) expect(await signInWithPassword(email, password, ctx(address))).not.toBeNull();
    expect(await signInWithPassword(email, "guess", ctx(address))).toBeNull();
    await expect(signInWithPassword(email, password, ctx(address))).rejects.toThrow(/Too many failed sign-ins/);
  });

  it("keeps the person signing in from elsewhere when one address has locked their account", async () => {
    const { user, email, password } = await createStaff();
    const attacker = uniq("203.0.113");
    for (let i = 0; i < 5; i++) await signInWithPassword(email, "guess", ctx(attacker));
    await expect(signInWithPassword(email, password, ctx(attacker))).rejects.toThrow(/Too many failed sign-ins/);
    expect((await signInWithPassword(email, password, ctx()))?.id).toBe(user.id);
  });

  it("refuses an account after twenty failures an hour from many addresses, except from an address it signed in from before", async () => {
    const { user, email, password } = await createStaff();
    const office = uniq("192.0.2");
    expect((await signInWithPassword(email, password, ctx(office)))?.id).toBe(user.id);

    const outcomes = await Promise.all(Array.from({ length: 30 }, () => outcomeOf(signInWithPassword(email, "guess", ctx()))));
    expect(tally(outcomes, "wrong-password")).toBe(20);
    await expect(signInWithPassword(email, password, ctx())).rejects.toThrow(/Too many failed sign-ins/);
    expect((await signInWithPassword(email, password, ctx(office)))?.id).toBe(user.id);
    // The hour is one window: fifteen minutes do not lift it, an hour does.
    await expect(signInWithPassword(email, password, { ...ctx(), now: later(15 * 60_000) })).rejects.toThrow(/Too many failed sign-ins/);
    expect(await signInWithPassword(email, password, { ...ctx(), now: later(60 * 60_000) })).not.toBeNull();
  });

  it("lifts every lockout of an account when an administrator resets it", async () => {
    const { user, email, password } = await createStaff();
    const attacker = uniq("203.0.113");
    for (let i = 0; i < 5; i++) await signInWithPassword(email, "guess", ctx(attacker));
    await Promise.all(Array.from({ length: 20 }, () => outcomeOf(signInWithPassword(email, "guess", ctx()))));
    await expect(signInWithPassword(email, password, ctx(attacker))).rejects.toThrow(/Too many failed sign-ins/);
    await expect(signInWithPassword(email, password, ctx())).rejects.toThrow(/Too many failed sign-ins/);

    await getPrisma().$transaction((tx) => clearSignInFailures(tx, email.toUpperCase()));
    expect((await signInWithPassword(email, password, ctx(attacker)))?.id).toBe(user.id);
    expect((await signInWithPassword(email, password, ctx()))?.id).toBe(user.id);
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
    expect(await resumeSession("not-a-session-id", NOW)).toEqual({ ended: "unknown" });
  });
});
