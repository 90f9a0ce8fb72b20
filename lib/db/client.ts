import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { reportServerError } from "../log/server-errors";
import { PrismaClient } from "./generated/client";

// One client per process. Created on first use, not at import: `next build`
// imports route modules without a database.
const globalForPrisma = globalThis as unknown as { stridePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides a database, or set it in .env.");
  }
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // A database that hangs instead of refusing must not hold requests forever.
      connectionTimeoutMillis: 5_000,
      // The pg adapter reads timestamptz values as UTC: a session in any other
      // zone would shift every visit by that zone's offset.
      options: "-c TimeZone=UTC",
    },
    { onPoolError: (error) => reportServerError(error, "database pool"), statementNameGenerator: preparedStatementName },
  );
  return new PrismaClient({ adapter });
}

/**
 * Statements are prepared once per connection and reused by name: the
 * busiest reads (the desk's board, the availability search) are long
 * statements whose parsing and planning in PostgreSQL cost as much as a
 * third of running them. The name is a hash of the statement's text, so
 * every instance and connection derives the same name from the same text
 * and nothing here can go stale. Bounded: past the limit a new text runs
 * unprepared, as every statement did before, so statements built with
 * varying text (lists of varying length) cannot grow each connection's
 * cache without end. A connection pooler in front of PostgreSQL must then
 * keep prepared statements per server connection (PgBouncer 1.21 and later
 * with max_prepared_statements, or session pooling).
 */
const PREPARED_LIMIT = 500;
const preparedNames = new Map<string, string>();

/** The empty name is PostgreSQL's unnamed statement: parsed and planned anew each time. */
const UNPREPARED = "";

function preparedStatementName({ sql }: { sql: string }): string {
  const known = preparedNames.get(sql);
  if (known !== undefined) return known;
  if (preparedNames.size >= PREPARED_LIMIT) return UNPREPARED;
  const name = `stride_${createHash("sha256").update(sql).digest("base64url").slice(0, 40)}`;
  preparedNames.set(sql, name);
  return name;
}

export function getPrisma(): PrismaClient {
  globalForPrisma.stridePrisma ??= createClient();
  return globalForPrisma.stridePrisma;
}

/** Closes the pool (scripts and tests); the next getPrisma() opens a new one. */
export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.stridePrisma;
  globalForPrisma.stridePrisma = undefined;
  await client?.$disconnect();
}

export type { PrismaClient };
