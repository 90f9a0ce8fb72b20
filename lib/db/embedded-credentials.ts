import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// Kept apart from embedded.ts so that e2e fixtures can reach the app's
// embedded database without loading the PostgreSQL binaries' package.

export const EMBEDDED_USER = "stride";
/**
 * Clusters initialised before each got its own password used this one; their
 * next start replaces it.
 */
export const LEGACY_PASSWORD = "stride-local";
/** The cluster's password, beside its data and readable by its owner only. */
export const PASSWORD_FILE = "stride-password";

/** The password stored with a cluster, or null for a cluster that predates stored passwords. */
export function readClusterPassword(dataDir: string): string | null {
  const file = path.join(path.resolve(dataDir), PASSWORD_FILE);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

export function clusterUrl(password: string, port: number, database: string): string {
  return `postgresql://${EMBEDDED_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The connection URL of a running embedded cluster, from its data folder. */
export function embeddedDatabaseUrl(dataDir: string, port: number, database = "stride"): string {
  return clusterUrl(readClusterPassword(dataDir) ?? LEGACY_PASSWORD, port, database);
}
