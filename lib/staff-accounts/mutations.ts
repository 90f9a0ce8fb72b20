import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { hashPassword } from "../auth/password";
import { getPrisma } from "../db/client";
import { Prisma, type StaffRole } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import { assertAdmin } from "./access";
import { createStaffAccountSchema, type CreateStaffAccountForm, type StaffAccountValues } from "./schema";
import { createTemporaryPassword } from "./temporary-password";
import { clearSignInFailures } from "../auth/mutations";
import type { RequestContext } from "../http/request-context";

/** The clock and the caller's address, as every audited write takes them. */
export type WriteContext = RequestContext;

export interface CreatedStaffAccount {
  account: { id: string; email: string; name: string; role: StaffRole; therapistId: string | null };
  /** Shown to the administrator once; only its argon2id hash is stored. */
  temporaryPassword: string;
}

function invalid(fields: Record<string, string>): AppError {
  return new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Creates a staff account with a temporary password, for administrators. */
export async function createStaffAccount(staff: StaffMember, input: CreateStaffAccountForm, ctx: WriteContext): Promise<CreatedStaffAccount> {
  assertAdmin(staff);
  const parsed = createStaffAccountSchema.safeParse(input);
  if (!parsed.success) throw invalid(fieldMessages(parsed.error));
  const login = await newLogin();
  try {
    const account = await getPrisma().$transaction((tx) => insertStaffAccount(tx, staff, parsed.data, login.passwordHash, ctx));
    return { account, temporaryPassword: login.temporaryPassword };
  } catch (error) {
    throw explainClash(error);
  }
}

/** A temporary password and its hash, made before a transaction opens: hashing is slow on purpose. */
export async function newLogin(): Promise<{ temporaryPassword: string; passwordHash: string }> {
  const temporaryPassword = createTemporaryPassword();
  return { temporaryPassword, passwordHash: await hashPassword(temporaryPassword) };
}

/**
 * Writes a parsed account and its audit row inside the caller's transaction,
 * so an account can be made together with what it belongs to (a new
 * therapist) and both or neither are kept.
 */
export async function insertStaffAccount(tx: Prisma.TransactionClient, staff: StaffMember, data: StaffAccountValues, passwordHash: string, ctx: WriteContext): Promise<CreatedStaffAccount["account"]> {
  assertAdmin(staff);
  // Sign-in matches emails whatever their case, so accounts must differ by more than case.
  const taken = await tx.staffUser.findFirst({ where: { email: { equals: data.email, mode: "insensitive" } }, select: { id: true } });
  if (taken) throw invalid({ email: "An account with this email already exists." });
  if (data.therapistId) {
    const therapist = await tx.therapist.findUnique({ where: { id: data.therapistId }, select: { active: true, staffUser: { select: { id: true } } } });
    if (!therapist?.active) throw invalid({ therapistId: "Choose a therapist from the list." });
    if (therapist.staffUser) throw invalid({ therapistId: "This therapist already has an account." });
  }
  const created = await tx.staffUser.create({
    data: { email: data.email, name: data.name, role: data.role, therapistId: data.therapistId, passwordHash },
    select: { id: true, email: true, name: true, role: true, therapistId: true },
  });
  await recordAudit(tx, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "staff.create",
    entity: "StaffUser",
    entityId: created.id,
    ipAddress: ctx.ipAddress,
    detail: { role: created.role, therapistId: created.therapistId },
  });
  return created;
}

/** Two administrators adding the same person at once: the unique indexes decide, and the loser is told why. */
export function explainClash(error: unknown): unknown {
  if (isUniqueViolation(error)) return new AppError("VALIDATION_FAILED", "An account with this email, or for this therapist, was created a moment ago.");
  return error;
}

async function findAccount(tx: Prisma.TransactionClient, staffUserId: string) {
  if (!z.guid().safeParse(staffUserId).success) throw new AppError("NOT_FOUND", "No such staff account.");
  // Locked so that a reset and a deactivation at once apply one after the other.
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "StaffUser" WHERE "id" = ${staffUserId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "No such staff account.");
  return tx.staffUser.findUniqueOrThrow({ where: { id: staffUserId }, select: { id: true, email: true, active: true } });
}

async function revokeOpenSessions(tx: Prisma.TransactionClient, staffUserId: string, now: Date): Promise<number> {
  const { count } = await tx.staffSession.updateMany({ where: { staffUserId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/**
 * Gives an account a new temporary password and ends every session it has
 * open, so whoever held the old password or a stolen cookie is out at once.
 */
export async function resetStaffAccess(staff: StaffMember, staffUserId: string, ctx: WriteContext): Promise<{ temporaryPassword: string; sessionsRevoked: number }> {
  assertAdmin(staff);
  // Resetting one's own access would end the very session the new password is shown in.
  if (staffUserId === staff.id) throw new AppError("FORBIDDEN", "You cannot reset your own access. Ask another administrator.");
  const temporaryPassword = createTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return getPrisma().$transaction(async (tx) => {
    const account = await findAccount(tx, staffUserId);
    await tx.staffUser.update({ where: { id: account.id }, data: { passwordHash } });
    await clearSignInFailures(tx, account.email);
    const sessionsRevoked = await revokeOpenSessions(tx, account.id, ctx.now);
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "staff.reset-access",
      entity: "StaffUser",
      entityId: account.id,
      ipAddress: ctx.ipAddress,
      detail: { sessionsRevoked },
    });
    return { temporaryPassword, sessionsRevoked };
  });
}

/** Stops an account from signing in and ends its open sessions. An administrator cannot lock themselves out. */
export async function deactivateStaffAccount(staff: StaffMember, staffUserId: string, ctx: WriteContext): Promise<{ sessionsRevoked: number }> {
  assertAdmin(staff);
  if (staffUserId === staff.id) throw new AppError("FORBIDDEN", "You cannot deactivate your own account. Ask another administrator.");
  return getPrisma().$transaction(async (tx) => {
    const account = await findAccount(tx, staffUserId);
    const sessionsRevoked = await revokeOpenSessions(tx, account.id, ctx.now);
    if (!account.active) return { sessionsRevoked };
    await tx.staffUser.update({ where: { id: account.id }, data: { active: false } });
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "staff.deactivate",
      entity: "StaffUser",
      entityId: account.id,
      ipAddress: ctx.ipAddress,
      detail: { sessionsRevoked },
    });
    return { sessionsRevoked };
  });
}

/** Lets a deactivated account sign in again with the password it had. */
export async function reactivateStaffAccount(staff: StaffMember, staffUserId: string, ctx: WriteContext): Promise<void> {
  assertAdmin(staff);
  await getPrisma().$transaction(async (tx) => {
    const account = await findAccount(tx, staffUserId);
    if (account.active) return;
    await tx.staffUser.update({ where: { id: account.id }, data: { active: true } });
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "staff.reactivate",
      entity: "StaffUser",
      entityId: account.id,
      ipAddress: ctx.ipAddress,
    });
  });
}
