import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { startAppProcess, type AppProcess } from "./fixtures/app-process";

// Health, readiness, request logs, outages and shutdown, on app processes of
// the test's own (the shared e2e server's database must not be stopped).
const slot = Number(process.env.E2E_SLOT ?? 0);
// Above the ports of playwright.config.ts's servers (app +0 to +3, PostgreSQL +0 to +2).
const ports = { app: 3100 + slot * 10 + 5, dyingApp: 3100 + slot * 10 + 6, pg: 55000 + slot * 10 + 5, dyingPg: 55000 + slot * 10 + 6 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test.describe.configure({ mode: "serial" });

test("health and readiness answer small uncached JSON, and every response carries a request id of ours", async ({ request }) => {
  for (const probe of ["/api/health", "/api/ready"]) {
    const response = await request.get(probe, { headers: { "X-Request-Id": "chosen-by-the-client" } });
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["x-request-id"]).toMatch(UUID);
  }
  expect(await (await request.get("/api/health")).json()).toEqual({ status: "ok" });
  expect(await (await request.get("/api/ready")).json()).toEqual({ status: "ready" });
  expect((await request.get("/en")).headers()["x-request-id"]).toMatch(UUID);
});

test.describe("an app whose database goes away", () => {
  let db: EmbeddedDatabase;
  let app: AppProcess;
  const dataDir = path.resolve(".data", `e2e-outage-${slot}`, "pg");

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
    db = await startEmbeddedPostgres({ dataDir, port: ports.pg });
    await applyMigrations(db.url);
    app = await startAppProcess(ports.app, { DATABASE_URL: db.url, AUTH_SECRET: randomBytes(32).toString("base64"), STRIDE_DATA_DIR: path.dirname(dataDir) });
  });

  test.afterAll(async () => {
    await app?.stop();
    await db?.stop();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  test("logs one JSON line per request, without query strings or link tokens", async () => {
    const response = await fetch(`${app.baseUrl}/visit/SecretJoinToken123?name=Maria+Lopez`, { redirect: "manual" });
    const id = response.headers.get("x-request-id");
    await response.arrayBuffer();
    await expect.poll(() => app.entries().find((e) => e.reqId === id)).toMatchObject({ msg: "request", method: "GET", path: "/visit/:token", status: response.status });
    const log = app.lines.join("\n");
    expect(log).not.toContain("SecretJoinToken123");
    expect(log).not.toContain("Maria");
  });

  test("turns unready at once when the database stops, keeps the log short, and recovers when it returns", async () => {
    await db.stop();
    await expect.poll(async () => (await fetch(`${app.baseUrl}/api/ready`)).status, { timeout: 3_000 }).toBe(503);
    const ready = await fetch(`${app.baseUrl}/api/ready`);
    expect(await ready.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(503);

    const before = app.lines.length;
    const answers = await Promise.all(
      Array.from({ length: 120 }, async (_, i) => {
        const response = await fetch(`${app.baseUrl}${i % 6 === 0 ? "/en/book" : "/api/services"}`);
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(answers.filter((status) => status >= 500).length, answers.join(" ")).toBeGreaterThanOrEqual(100);
    await expect.poll(() => app.entries().slice(before).filter((e) => e.msg === "request").length).toBeGreaterThanOrEqual(120);
    // Every failure is the same few errors: they are written once each, not a stack per request.
    const other = app.lines.slice(before).filter((line) => !line.includes('"msg":"request"'));
    expect(other.length, other.join("\n")).toBeLessThanOrEqual(10);

    db = await startEmbeddedPostgres({ dataDir, port: ports.pg });
    await expect.poll(async () => (await fetch(`${app.baseUrl}/api/ready`)).status, { timeout: 15_000 }).toBe(200);
  });

  test("on SIGTERM stops accepting, lets a request in flight finish, then exits cleanly", async () => {
    const body = JSON.stringify({ service: "none", start: "2030-01-01T10:00:00Z", mode: "CLINIC", patient: {} });
    const url = new URL(app.baseUrl);
    const answered = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, method: "POST", path: "/api/bookings", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: app.baseUrl } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        },
      );
      req.on("error", reject);
      // Half the body now: the request is in flight when the signal comes.
      req.write(body.slice(0, 20));
      setTimeout(() => {
        app.child.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(20)), 1_000);
      }, 1_000);
    });
    const status = await answered;
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(await app.exited).toBe(0);
    await expect(fetch(`${app.baseUrl}/api/health`)).rejects.toThrow();
  });
});

test("when its embedded PostgreSQL dies, the app says so once and exits non-zero for its supervisor to restart it", async () => {
  test.setTimeout(180_000);
  const dataRoot = path.resolve(".data", `e2e-dying-${slot}`);
  rmSync(dataRoot, { recursive: true, force: true });
  const app = await startAppProcess(ports.dyingApp, { DATABASE_URL: undefined, STRIDE_DATA_DIR: dataRoot, STRIDE_PG_PORT: String(ports.dyingPg) });
  try {
    const postmaster = Number(readFileSync(path.join(dataRoot, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGKILL");
    expect(await app.exited).toBe(1);
    expect(app.entries().filter((e) => e.level === 60).map((e) => e.msg)).toEqual([
      "the embedded PostgreSQL stopped unexpectedly; exiting so that a supervisor can restart Stride",
    ]);
  } finally {
    await app.stop();
    rmSync(dataRoot, { recursive: true, force: true });
  }
});
