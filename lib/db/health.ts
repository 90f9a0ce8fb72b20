import { readdirSync } from "node:fs";
import path from "node:path";
import { getPrisma } from "./client";

// A probe must answer even when the database hangs rather than refuses.
const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** One round trip to the database. */
export async function pingDatabase(): Promise<boolean> {
  try {
    await withTimeout(getPrisma().$queryRaw`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}

let shipped: string[] | null = null;

/**
 * The migrations this build ships. Read from the working directory: the
 * server runs from the checkout, and Next.js bundles move this file elsewhere.
 */
function shippedMigrations(): string[] {
  shipped ??= readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return shipped;
}

export type MigrationState = { reachable: false } | { reachable: true; pending: string[] };

/** Which shipped migrations the database has not finished applying (recorded as Prisma Migrate records them). */
export async function readMigrationState(): Promise<MigrationState> {
  let applied: { migration_name: string }[];
  try {
    applied = await withTimeout(
      getPrisma().$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
  } catch (error) {
    // No table yet: reachable, nothing applied.
    if (/_prisma_migrations/.test(String((error as Error).message)) && (await pingDatabase())) return { reachable: true, pending: shippedMigrations() };
    return { reachable: false };
  }
  const done = new Set(applied.map((r) => r.migration_name));
  return { reachable: true, pending: shippedMigrations().filter((name) => !done.has(name)) };
}
