import path from "node:path";
import { recreateDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded";

/**
 * The database the scripts work on: DATABASE_URL when set, otherwise an
 * embedded PostgreSQL under STRIDE_DATA_DIR (default .data). Sets
 * DATABASE_URL for everything started after it.
 */
export async function provideDatabase(log: (line: string) => void): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, embedded: null };

  const dataDir = path.resolve(process.env.STRIDE_DATA_DIR ?? ".data", "pg");
  const port = Number(process.env.STRIDE_PG_PORT ?? 54329);
  log(`starting embedded PostgreSQL in ${path.relative(process.cwd(), dataDir)} on 127.0.0.1:${port}`);
  const embedded = await startEmbeddedPostgres({ dataDir, port, log: process.env.STRIDE_PG_LOG ? log : undefined });
  if (process.env.STRIDE_RESET_DB === "1") {
    log("STRIDE_RESET_DB=1: starting from an empty database");
    await recreateDatabase(embedded.url);
  }
  process.env.DATABASE_URL = embedded.url;
  return { url: embedded.url, embedded };
}
