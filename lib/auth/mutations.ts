import "server-only";
import { recordAudit } from "../audit/mutations";
import { getPrisma } from "../db/client";
import { Prisma, type StaffRole } from "../db/generated/client";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { recordHit, releaseHit } from "../rate-limit/mutations";
import { verifyPassword } from "./password";
import { sessionState, type SessionState } from "./session-policy";

// Limits on failed sign-ins, and why there are three, are explained in docs/security.md.
const FAILURE_WINDOW_SECONDS = 15 * 60;
const ACCOUNT_WINDOW_SECONDS = 60 * 60;
// An address the account signed in from this recently is its own, e.g. the clinic's.
const KNOWN_ADDRESS_DAYS = 30;
// Writing lastSeenAt on every request would make each page view a write;
// the idle limit is minutes, so a quarter-minute of slack is harmless.
const TOUCH_EVERY_MS = 15_000;

export interface SignInContext {
  now: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  therapistId: string | null;
  sessionId: string;
}

function accountFailureKey(email: string): string {
  return `sign-in-failure:account:${email.trim().toLowerCase()}`;
}

/** An administrator's reset lifts every sign-in lockout of the account, from any address, along with the old password. */
export async function clearSignInFailures(tx: Prisma.TransactionClient, email: string): Promise<void> {
  const key = accountFailureKey(email);
  await tx.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${key} OR starts_with("key", ${`${key}:address:`})`;
}

interface FailureLimit {
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * The limits an attempt must fit under: the account from this address
 * (strict), the account from addresses it has not signed in from lately
 * (larger and slower, against guessing spread over many addresses), and
 * this address across accounts.
 */
function failureLimits(email: string, address: string, knownAddress: boolean): FailureLimit[] {
  const env = getEnv();
  const account = accountFailureKey(email);
  return [
    { key: `${account}:address:${address}`, max: env.SIGN_IN_FAILURES_PER_ACCOUNT, windowSeconds: FAILURE_WINDOW_SECONDS },
    ...(knownAddress ? [] : [{ key: account, max: env.SIGN_IN_FAILURES_PER_ACCOUNT_PER_HOUR, windowSeconds: ACCOUNT_WINDOW_SECONDS }]),
    { key: `sign-in-failure:address:${address}`, max: env.SIGN_IN_FAILURES_PER_ADDRESS, windowSeconds: FAILURE_WINDOW_SECONDS },
  ];
}

/**
 * Takes a place under every limit before the password is checked, and
 * answers how to give the places back. Each counter is raised and read in one
 * statement, so however many attempts arrive at once, at most `max` of them
 * hold a place: a count read first and raised after the check would let them
 * all through. A refused attempt gives back what it took, so refusals never
 * hold places that checks could use.
 */
async function reserveAttempt(limits: FailureLimit[], now: Date): Promise<() => Promise<void>> {
  const taken: FailureLimit[] = [];
  const giveBack = async () => {
    await Promise.all(taken.map((limit) => releaseHit(limit.key, limit.windowSeconds, now)));
  };
  for (const limit of limits) {
    const { count, retryAfterSeconds } = await recordHit(limit.key, limit.windowSeconds, now);
    taken.push(limit);
    if (count > limit.max) {
      await giveBack();
      throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Please wait ${Math.ceil(retryAfterSeconds / 60)} minute(s) and try again.`, { retryAfterSeconds });
    }
  }
  return giveBack;
}

// No account has this id; asking about it for an unknown email keeps that
// answer as slow as one for a known email.
const NO_ACCOUNT_ID = "00000000-0000-0000-0000-000000000000";

async function isKnownAddress(staffUserId: string | null, address: string | null, now: Date): Promise<boolean> {
  if (!address) return false;
  const since = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 24 * 3_600_000);
  const session = await getPrisma().staffSession.findFirst({
    where: { staffUserId: staffUserId ?? NO_ACCOUNT_ID, ipAddress: address, createdAt: { gte: since } },
    select: { id: true },
  });
  return session !== null;
}

/**
 * Checks an email and password and opens a server-side session. Every
 * attempt takes its place under the failure limits in PostgreSQL before the
 * password is checked; a wrong password keeps it until the window ends, a
 * right one gives it back. Past a limit every attempt is refused unchecked,
 * known email or not, and the answer never says whether the email exists.
 */
export async function signInWithPassword(emailInput: string, password: string, ctx: SignInContext): Promise<StaffMember | null> {
  const env = getEnv();
  const email = emailInput.trim().toLowerCase();
  const prisma = getPrisma();
  const user = await prisma.staffUser.findFirst({ where: { email: { equals: email, mode: "insensitive" }, active: true } });
  const knownAddress = await isKnownAddress(user?.id ?? null, ctx.ipAddress, ctx.now);
  const giveBack = await reserveAttempt(failureLimits(email, ctx.ipAddress ?? "unknown", knownAddress), ctx.now);

  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) return null;
  // The right password proves nothing about the other attempts, so it
  // returns only its own place rather than clearing the failures.
  await giveBack();

  const session = await prisma.$transaction(async (tx) => {
    const created = await tx.staffSession.create({
      data: {
        staffUserId: user.id,
        createdAt: ctx.now,
        lastSeenAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + env.STAFF_SESSION_HOURS * 3_600_000),
        ipAddress: ctx.ipAddress,
        userAgent: ctx.userAgent?.slice(0, 300) ?? null,
      },
    });
    await recordAudit(tx, { staffUserId: user.id, actor: user.email, action: "staff.sign-in", entity: "StaffSession", entityId: created.id, ipAddress: ctx.ipAddress });
    return created;
  });
  return { id: user.id, name: user.name, email: user.email, role: user.role, therapistId: user.therapistId, sessionId: session.id };
}

/**
 * The staff member behind a session id, if the session still holds; counts
 * the request as activity. Answers why it does not hold otherwise.
 */
export async function resumeSession(sessionId: string, now: Date): Promise<{ staff: StaffMember } | { ended: Exclude<SessionState, "active"> | "unknown" }> {
  return resumeSessionWith(sessionId, now, Prisma.sql`NULL`);
}

/**
 * resumeSession, with one more value (`alongside`, a scalar SQL expression)
 * read in the same statement, e.g. what a conditional request compares
 * against: a request that needs the session and one small read then makes
 * one round trip, not two. The value is handed back only when the session
 * holds.
 */
export async function resumeSessionWith<X = unknown>(
  sessionId: string,
  now: Date,
  alongside: Prisma.Sql,
): Promise<{ staff: StaffMember; alongside: X } | { ended: Exclude<SessionState, "active"> | "unknown" }> {
  if (!UUID.test(sessionId)) return { ended: "unknown" };
  const prisma = getPrisma();
  // Every staff request (the desk's 3-second poll among them) starts here:
  // one round trip for the session and its account, and no password hash read.
  const [session] = await prisma.$queryRaw<(ResumedRow & { alongside: X })[]>`
    SELECT s."id", s."lastSeenAt", s."expiresAt", s."revokedAt",
           u."id" AS "staffUserId", u."name", u."email", u."role"::text AS "role", u."therapistId"::text AS "therapistId", u."active",
           ${alongside} AS "alongside"
      FROM "StaffSession" s JOIN "StaffUser" u ON u."id" = s."staffUserId"
     WHERE s."id" = ${sessionId}::uuid`;
  if (!session || !session.active) return { ended: "unknown" };
  const state = sessionState(session, now, getEnv().STAFF_IDLE_SECONDS);
  if (state !== "active") return { ended: state };
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await prisma.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    staff: { id: session.staffUserId, name: session.name, email: session.email, role: session.role, therapistId: session.therapistId, sessionId: session.id },
    alongside: session.alongside,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ResumedRow {
  id: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  staffUserId: string;
  name: string;
  email: string;
  role: StaffRole;
  therapistId: string | null;
  active: boolean;
}

/** Sign-out: the session stops holding at once, on every instance. */
export async function revokeSession(sessionId: string, now: Date): Promise<void> {
  await getPrisma().staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
