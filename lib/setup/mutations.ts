import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import { hashPassword } from "../auth/password";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import { slugTakenMessage, slugToUse } from "../text/slug";
import { createTemporaryPassword } from "../staff-accounts/temporary-password";
import { completeSetupSchema, setupTokenSchema, type CompleteSetupForm } from "./schema";
import { hashSetupToken } from "./token";
import type { RequestContext } from "../http/request-context";

/** The clock and the caller's address, as every audited write takes them. */
export type SetupContext = RequestContext;

/** The same words for an unknown, used or expired link: they reveal nothing about which. */
const DEAD_LINK = "This setup link cannot be used. Restart Stride to print a new one.";

// Every way of creating the first administrator takes this lock first, so a
// setup page and `admin:create` (or two setup links) cannot both find "no
// administrator yet" and both create one.
const FIRST_ADMIN_LOCK = 741_853_201;

async function lockFirstAdmin(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
}

function invalid(fields: Record<string, string>): AppError {
  return new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields });
}

async function emailTaken(tx: Prisma.TransactionClient, email: string): Promise<boolean> {
  // Sign-in matches emails whatever their case, so accounts must differ by more than case.
  const taken = await tx.staffUser.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true } });
  return taken !== null;
}

export interface CompletedSetup {
  adminId: string;
  email: string;
}

/**
 * Creates the first administrator, the practice record and its first
 * location from a setup link, in one transaction that also uses up the link.
 */
export async function completeSetup(token: string, input: CompleteSetupForm, ctx: SetupContext): Promise<CompletedSetup> {
  if (!setupTokenSchema.safeParse(token).success) throw new AppError("NOT_FOUND", DEAD_LINK);
  const parsed = completeSetupSchema.safeParse(input);
  if (!parsed.success) throw invalid(fieldMessages(parsed.error));
  const data = parsed.data;
  const passwordHash = await hashPassword(data.password);

  return getPrisma().$transaction(async (tx) => {
    await lockFirstAdmin(tx);
    // The link is spent by a conditional update: of two submits at once, the
    // second waits for the first's row lock, then finds usedAt set and matches nothing.
    const spent = await tx.setupToken.updateMany({
      where: { tokenHash: hashSetupToken(token), usedAt: null, expiresAt: { gt: ctx.now } },
      data: { usedAt: ctx.now },
    });
    if (spent.count !== 1) throw new AppError("NOT_FOUND", DEAD_LINK);
    const admins = await tx.staffUser.count({ where: { role: "ADMIN", active: true } });
    if (admins > 0) throw new AppError("NOT_FOUND", DEAD_LINK);
    if (await emailTaken(tx, data.adminEmail)) throw invalid({ adminEmail: "An account with this email already exists." });
    // No other link may outlive the first administrator.
    await tx.setupToken.updateMany({ where: { usedAt: null }, data: { usedAt: ctx.now } });

    const practice = { name: data.practiceName, phone: data.practicePhone, email: data.practiceEmail, address: data.practiceAddress };
    await tx.practice.upsert({ where: { id: 1 }, create: { id: 1, ...practice }, update: practice });
    const slug = await slugToUse(data.locationSlug, data.locationName, async (candidate) => (await tx.location.findUnique({ where: { slug: candidate }, select: { id: true } })) !== null, "main");
    if (!slug) throw invalid({ locationSlug: slugTakenMessage("location") });
    const location = await tx.location.create({
      data: {
        slug,
        name: data.locationName,
        addressLine1: data.addressLine1,
        city: data.city,
        region: data.region,
        postalCode: data.postalCode,
        country: data.country,
        timeZone: data.timeZone,
        phone: data.locationPhone,
      },
      select: { id: true },
    });
    const admin = await tx.staffUser.create({
      data: { email: data.adminEmail, name: data.adminName, role: "ADMIN", passwordHash },
      select: { id: true, email: true },
    });
    await recordAudit(tx, {
      staffUserId: admin.id,
      actor: `${admin.email} via setup link`,
      action: "setup.complete",
      entity: "StaffUser",
      entityId: admin.id,
      ipAddress: ctx.ipAddress,
      detail: { practice: data.practiceName, locationId: location.id },
    });
    return { adminId: admin.id, email: admin.email };
  });
}

export const createAdminSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "--email must be a valid email address." }).max(254)),
  name: z.string().trim().min(1, "--name must not be empty.").max(100, "--name: use at most 100 characters."),
  practiceName: z.string().trim().min(1).max(120, "--practice: use at most 120 characters.").optional(),
  force: z.boolean().default(false),
});

export type CreateAdminInput = z.input<typeof createAdminSchema>;

export interface CreatedAdmin {
  id: string;
  email: string;
  /** Printed once; only its argon2id hash is stored. */
  temporaryPassword: string;
}

/**
 * Creates an administrator from the command line, for servers without a
 * browser at hand. Refuses once an administrator exists unless forced (a
 * practice that lost its only administrator's password needs a way back in).
 */
export async function createAdmin(input: CreateAdminInput, ctx: SetupContext): Promise<CreatedAdmin> {
  const parsed = createAdminSchema.safeParse(input);
  if (!parsed.success) throw invalid(fieldMessages(parsed.error));
  const data = parsed.data;
  const temporaryPassword = createTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);

  return getPrisma().$transaction(async (tx) => {
    await lockFirstAdmin(tx);
    const admins = await tx.staffUser.count({ where: { role: "ADMIN", active: true } });
    if (admins > 0 && !data.force) throw new AppError("INVALID_TRANSITION", "An administrator already exists. Sign in as them to add staff, or pass --force to add another administrator.");
    if (await emailTaken(tx, data.email)) throw invalid({ email: `An account with the email ${data.email} already exists.` });
    await tx.setupToken.updateMany({ where: { usedAt: null }, data: { usedAt: ctx.now } });
    if (data.practiceName) {
      await tx.practice.upsert({ where: { id: 1 }, create: { id: 1, name: data.practiceName }, update: { name: data.practiceName } });
    }
    const admin = await tx.staffUser.create({ data: { email: data.email, name: data.name, role: "ADMIN", passwordHash }, select: { id: true, email: true } });
    await recordAudit(tx, {
      staffUserId: admin.id,
      actor: "admin:create command",
      action: "setup.admin-create",
      entity: "StaffUser",
      entityId: admin.id,
      ipAddress: ctx.ipAddress,
      detail: { forced: admins > 0, practice: data.practiceName ?? null },
    });
    return { id: admin.id, email: admin.email, temporaryPassword };
  });
}
