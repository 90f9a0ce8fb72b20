import "server-only";
import { AppError } from "../errors/app-error";
import { getPrisma } from "../db/client";

/**
 * Counts one hit against `key` in a fixed window and refuses past `max`.
 * The counter lives in PostgreSQL so every app instance shares it.
 */
export async function consumeRateLimit(key: string, max: number, windowSeconds: number, now: Date): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const expiresAt = new Date(windowStart.getTime() + windowMs);
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
  const count = rows[0]?.count ?? 0;
  if (count > max) {
    const retryAfterSeconds = Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
    throw new AppError("RATE_LIMITED", `Too many booking changes from your connection. Please try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, {
      retryAfterSeconds,
    });
  }
}
