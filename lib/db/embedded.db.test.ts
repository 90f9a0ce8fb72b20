import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
import { LEGACY_PASSWORD, PASSWORD_FILE } from "./embedded-credentials";

// Each test owns a cluster in its own folder under the repository (PostgreSQL
// runs as another user and must be able to reach it) on a port 100 above the
// integration cluster's, clear of the benchmark's and of other runs' clusters.
const basePort = Number(process.env.STRIDE_TEST_PG_PORT ?? 54330) + 100;
const root = path.resolve(".data", "test-embedded", String(process.pid));
const started: EmbeddedDatabase[] = [];

function clusterDir(name: string): string {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  return dir;
}

async function start(dir: string, port: number): Promise<EmbeddedDatabase> {
  const db = await startEmbeddedPostgres({ dataDir: dir, port, database: "postgres" });
  started.push(db);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = password;
  return u.toString();
}

function postmasterPid(dir: string): number {
  return Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.startsWith("Z");
  } catch {
    return false;
  }
}

afterAll(async () => {
  for (const db of started.reverse()) await db.stop().catch(() => {});
  rmSync(root, { recursive: true, force: true });
});

describe("the embedded PostgreSQL", () => {
  it("gets a random password of its own, kept in a file only its owner can read, and runs with fsync on", async () => {
    const dir = clusterDir("fresh");
    const db = await start(dir, basePort + 1);
    const file = path.join(dir, PASSWORD_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, "utf8").trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(decodeURIComponent(new URL(db.url).password)).toBe(password);
    expect(await query<{ fsync: string }>(db.url, "SHOW fsync")).toEqual([{ fsync: "on" }]);
    await expect(query(withPassword(db.url, LEGACY_PASSWORD), "SELECT 1")).rejects.toThrow(/password authentication failed/);
    await db.stop();
  });

  it("replaces the old built-in password of a cluster initialised before passwords were generated", async () => {
    const dir = clusterDir("legacy");
    const first = await start(dir, basePort + 1);
    // Make it what earlier versions left behind: the constant password and no password file.
    await query(first.url, `ALTER ROLE stride PASSWORD '${LEGACY_PASSWORD}'`);
    rmSync(path.join(dir, PASSWORD_FILE));
    await first.stop();

    const again = await start(dir, basePort + 1);
    const password = readFileSync(path.join(dir, PASSWORD_FILE), "utf8").trim();
    expect(password).not.toBe(LEGACY_PASSWORD);
    expect(await query<{ one: number }>(again.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await expect(query(withPassword(again.url, LEGACY_PASSWORD), "SELECT 1")).rejects.toThrow(/password authentication failed/);
    await again.stop();
  });

  it("says which setting to change when its port is taken", async () => {
    const port = basePort + 2;
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    try {
      const failure: unknown = await startEmbeddedPostgres({ dataDir: clusterDir("port"), port, database: "postgres" }).then(
        (db) => (started.push(db), null),
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toContain(`Port ${port} on 127.0.0.1 is taken by another program`);
      expect((failure as Error).message).toContain("STRIDE_PG_PORT=");
    } finally {
      squatter.close();
    }
  });

  it("stops a cluster left running by a run that crashed, starts its own, and stops that on shutdown", async () => {
    const dir = clusterDir("orphan");
    const port = basePort + 3;
    // A run that starts the cluster and then dies without stopping it.
    const script = `const { startEmbeddedPostgres } = await import(${JSON.stringify(path.resolve("lib/db/embedded.ts"))});
      await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dir)}, port: ${port}, database: "postgres" });
      console.log("ready");
      setInterval(() => {}, 1000);`;
    const crashing = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const lines = createInterface({ input: crashing.stdout! });
    const [line] = await once(lines, "line");
    expect(line).toBe("ready");
    const orphan = postmasterPid(dir);
    crashing.kill("SIGKILL");
    await once(crashing, "exit");
    expect(alive(orphan)).toBe(true);

    const db = await start(dir, port);
    expect(alive(orphan)).toBe(false);
    const own = postmasterPid(dir);
    expect(own).not.toBe(orphan);
    expect(await query<{ fsync: string }>(db.url, "SHOW fsync")).toEqual([{ fsync: "on" }]);
    await db.stop();
    expect(alive(own)).toBe(false);
  });

  it("shares a cluster another live run started, leaves it running, and reports when it dies", async () => {
    const dir = clusterDir("shared");
    const port = basePort + 4;
    const owner = await start(dir, port);
    const sharer = await start(dir, port);
    await sharer.stop();
    expect(await query<{ one: number }>(owner.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);

    const ownerSaw = new Promise<string>((resolve) => owner.onUnexpectedExit(() => resolve("owner")));
    const again = await start(dir, port);
    const sharerSaw = new Promise<string>((resolve) => again.onUnexpectedExit(() => resolve("sharer")));
    process.kill(postmasterPid(dir), "SIGKILL");
    expect(await Promise.all([ownerSaw, sharerSaw])).toEqual(["owner", "sharer"]);
  });
});
