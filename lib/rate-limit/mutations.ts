import "server-only";
import { AppError } from "../errors/app-error";
import { getPrisma } from "../db/client";

function windowOf(now: Date, windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return { windowStart, expiresAt: new Date(windowStart.getTime() + windowMs) };
}

/** Adds one hit to `key` in the current fixed window and answers the window's count. */
export async function recordHit(key: string, windowSeconds: number, now: Date): Promise<{ count: number; retryAfterSeconds: number }> {
  const { windowStart, expiresAt } = windowOf(now, windowSeconds);
  const prisma = getPrisma();
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES (${key}, ${windowStart}, 1, ${expiresAt})
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  // Old windows are swept now and then by whichever request comes along.
  if (Math.random() < 0.01) {
    await prisma.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "expiresAt" < ${now}`;
  }
  return { count: rows[0]?.count ?? 0, retryAfterSeconds: retryAfter(expiresAt, now) };
}

/**
 * Takes back one hit that `recordHit` added at the same `now`, for an attempt
 * that turned out not to count. Never below zero: an administrator may have
 * cleared the counter in between.
 */
export async function releaseHit(key: string, windowSeconds: number, now: Date): Promise<void> {
  const { windowStart } = windowOf(now, windowSeconds);
  await getPrisma().$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0)
    WHERE "key" = ${key} AND "windowStart" = ${windowStart}`;
}

function retryAfter(expiresAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
}

/**
 * Counts one hit against `key` in a fixed window and refuses past `max`.
 * The counter lives in PostgreSQL so every app instance shares it.
 */
export async function consumeRateLimit(key: string, max: number, windowSeconds: number, now: Date): Promise<void> {
  const { count, retryAfterSeconds } = await recordHit(key, windowSeconds, now);
  if (count > max) {
    throw new AppError("RATE_LIMITED", `Too many booking changes from your connection. Please try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, {
      retryAfterSeconds,
    });
  }
}
