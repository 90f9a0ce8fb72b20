import "server-only";
import { recordAudit } from "../audit/mutations";
import { getPrisma } from "../db/client";
import type { Prisma, StaffRole } from "../db/generated/client";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { countHits, recordHit } from "../rate-limit/mutations";
import { verifyPassword } from "./password";
import { sessionState, type SessionState } from "./session-policy";

const FAILURE_WINDOW_SECONDS = 15 * 60;
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

/**
 * Checks an email and password and opens a server-side session. Failures are
 * counted per account and per address in PostgreSQL; past the limit every
 * attempt is refused until the window ends, known email or not, and the
 * answer never says whether the email exists.
 */
function accountFailureKey(email: string): string {
  return `sign-in-failure:account:${email.trim().toLowerCase()}`;
}

/** An administrator's reset lifts the account's sign-in lockout along with the old password. */
export async function clearSignInFailures(tx: Prisma.TransactionClient, email: string): Promise<void> {
  await tx.rateLimitBucket.deleteMany({ where: { key: accountFailureKey(email) } });
}

export async function signInWithPassword(emailInput: string, password: string, ctx: SignInContext): Promise<StaffMember | null> {
  const env = getEnv();
  const email = emailInput.trim().toLowerCase();
  const accountKey = accountFailureKey(email);
  const addressKey = `sign-in-failure:address:${ctx.ipAddress ?? "unknown"}`;
  const [account, address] = await Promise.all([
    countHits(accountKey, FAILURE_WINDOW_SECONDS, ctx.now),
    countHits(addressKey, FAILURE_WINDOW_SECONDS, ctx.now),
  ]);
  if (account.count >= env.SIGN_IN_FAILURES_PER_ACCOUNT || address.count >= env.SIGN_IN_FAILURES_PER_ADDRESS) {
    const wait = Math.max(account.retryAfterSeconds, address.retryAfterSeconds);
    throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Please wait ${Math.ceil(wait / 60)} minute(s) and try again.`, { retryAfterSeconds: wait });
  }

  const prisma = getPrisma();
  const user = await prisma.staffUser.findFirst({ where: { email: { equals: email, mode: "insensitive" }, active: true } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await Promise.all([recordHit(accountKey, FAILURE_WINDOW_SECONDS, ctx.now), recordHit(addressKey, FAILURE_WINDOW_SECONDS, ctx.now)]);
    return null;
  }

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
  const prisma = getPrisma();
  const session = await prisma.staffSession.findUnique({ where: { id: sessionId }, include: { staffUser: true } });
  if (!session || !session.staffUser.active) return { ended: "unknown" };
  const state = sessionState(session, now, getEnv().STAFF_IDLE_SECONDS);
  if (state !== "active") return { ended: state };
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await prisma.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const u = session.staffUser;
  return { staff: { id: u.id, name: u.name, email: u.email, role: u.role, therapistId: u.therapistId, sessionId: session.id } };
}

/** Sign-out: the session stops holding at once, on every instance. */
export async function revokeSession(sessionId: string, now: Date): Promise<void> {
  await getPrisma().staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
