// Vitest global setup for integration tests: a real PostgreSQL (embedded,
// under .data/test) with a fresh database, migrated by the same runner the app
// uses. Tests read its URL through `inject("databaseUrl")`.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase, recreateDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  const embedded = given
    ? null
    : await startEmbeddedPostgres({
        dataDir: path.resolve(process.env.STRIDE_DATA_DIR ?? ".data", "test", "pg"),
        port: Number(process.env.STRIDE_TEST_PG_PORT ?? 54330),
        database: "postgres",
        portVariable: "STRIDE_TEST_PG_PORT",
      });
  // Each run gets its own database, so two runs at once cannot drop each other's.
  const url = withDatabase(given ?? embedded!.url, `stride_test_${process.pid}`);
  assertLocal(url);
  await recreateDatabase(url);
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(url);
    await embedded?.stop();
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Integration tests drop and recreate their database: never let them near a real one. */
function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run integration tests against ${host}: they recreate the database.`);
  }
}
