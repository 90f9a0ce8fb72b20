import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, getPrisma } from "./client";

describe("the database client", () => {
  afterAll(async () => {
    await getPrisma().$executeRawUnsafe(`ALTER DATABASE "${new URL(process.env.DATABASE_URL!).pathname.slice(1)}" RESET timezone`);
    await disconnectPrisma();
  });

  it("reads and writes instants correctly when the database's own zone is not UTC", async () => {
    const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    await getPrisma().$executeRawUnsafe(`ALTER DATABASE "${name}" SET timezone = 'America/St_Johns'`);
    // New sessions pick up the database default; ours must still be UTC.
    await disconnectPrisma();
    const prisma = getPrisma();

    const [setting] = await prisma.$queryRaw<{ tz: string }[]>`SELECT current_setting('TimeZone') AS tz`;
    expect(setting?.tz).toBe("UTC");
    const [clock] = await prisma.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    expect(Math.abs(clock!.now.getTime() - Date.now())).toBeLessThan(60_000);
    const instant = new Date("2026-11-01T07:30:00Z");
    const [echo] = await prisma.$queryRaw<{ at: Date; epoch: number }[]>`
      SELECT ${instant}::timestamptz AS at, extract(epoch FROM ${instant}::timestamptz)::float8 * 1000 AS epoch`;
    expect(echo!.at.toISOString()).toBe("2026-11-01T07:30:00.000Z");
    expect(echo!.epoch).toBe(instant.getTime());
  });

  it("prepares a statement once per connection and runs it again by name", async () => {
    const runs = await getPrisma().$transaction(async (tx) => {
      // One transaction, so every statement runs on the same connection.
      for (let i = 0; i < 3; i++) await tx.$queryRaw`SELECT 1 AS "preparedProbe"`;
      return tx.$queryRaw<{ name: string; runs: number }[]>`
        SELECT "name", ("generic_plans" + "custom_plans")::int AS "runs"
          FROM pg_prepared_statements WHERE "statement" = 'SELECT 1 AS "preparedProbe"'`;
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.name).toMatch(/^stride_/);
    expect(runs[0]!.runs).toBe(3);
  });
});
