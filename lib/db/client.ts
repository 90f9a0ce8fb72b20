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
    { onPoolError: (error) => reportServerError(error, "database pool") },
  );
  return new PrismaClient({ adapter });
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
