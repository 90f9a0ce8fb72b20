import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";

// No "server-only" here: the start script issues the link before Next runs,
// and tests issue one against a running server's database.

/** How long a printed setup link stays valid. */
export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** 256 random bits, base64url: the part of the setup link that opens it. */
export function newSetupToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this is stored: a copy of the database does not hold a working link. */
export function hashSetupToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A new setup link while no administrator exists, or null once one does.
 * Issuing retires every older unused link, so only the last printed one works.
 */
export async function issueSetupToken(prisma: PrismaClient, now: Date): Promise<string | null> {
  const token = newSetupToken();
  return prisma.$transaction(async (tx) => {
    await tx.setupToken.updateMany({ where: { usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const admins = await tx.staffUser.count({ where: { role: "ADMIN", active: true } });
    if (admins > 0) return null;
    await tx.setupToken.create({ data: { tokenHash: hashSetupToken(token), expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS) } });
    return token;
  });
}
