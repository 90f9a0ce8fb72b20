// `npm run bench:video`: how long from the therapist letting a waiting
// patient in until each side sees the other's first video frame. Its own
// embedded PostgreSQL and the production build on loopback; two Chromium
// contexts with fake cameras play patient and therapist, as in the e2e test.
// Progress goes to stderr; stdout carries one JSON summary, also written to
// bench/results/video-latest.json.

import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Cookie, type Page } from "@playwright/test";
import { recreateDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { createVideoPractice, insertVideoVisit, withDatabase } from "../test/video-practice";
import { startApp } from "./app-server";
import { Cleanup } from "./cleanup";
import { CHROMIUM_LAUNCH, signIn } from "./staff";
import { summariseLatency } from "./stats";
import { writeResults } from "./results";

const ROOT = path.resolve(import.meta.dirname, "..");
const PG = { dataDir: path.join(ROOT, ".data", "bench-video", "pg"), port: 54334, database: "stride_bench_video" };
const APP_PORT = 3220;
const RUNS = Number(process.env.BENCH_VIDEO_RUNS ?? 10);
const STEP_TIMEOUT_MS = 30_000;

const log = (line: string) => process.stderr.write(`[bench:video] ${line}\n`);

/** An instant recorded by the room's client with performance.mark, as epoch milliseconds. */
async function markAt(page: Page, name: string): Promise<number> {
  const handle = await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { timeout: STEP_TIMEOUT_MS });
  await handle.dispose();
  return page.evaluate((mark) => performance.timeOrigin + performance.getEntriesByName(mark)[0]!.startTime, name);
}

async function runOnce(browser: Browser, baseUrl: string, therapistCookies: Cookie[], visit: { appointmentId: string; joinToken: string }) {
  const patientContext = await browser.newContext({ baseURL: baseUrl, permissions: ["camera", "microphone"] });
  const therapistContext = await browser.newContext({ baseURL: baseUrl, permissions: ["camera", "microphone"] });
  await therapistContext.addCookies(therapistCookies);
  try {
    const patient = await patientContext.newPage();
    await patient.goto(`/visit/${visit.joinToken}`);
    await patient.getByRole("button", { name: "Join the video visit" }).click();
    await patient.getByText("knows you are here").waitFor({ timeout: STEP_TIMEOUT_MS });

    const therapist = await therapistContext.newPage();
    await therapist.goto(`/staff/visit/${visit.appointmentId}`);
    await therapist.getByRole("button", { name: "Join the video visit" }).click();
    const admit = therapist.getByRole("button", { name: "Let them in" });
    await admit.waitFor({ timeout: STEP_TIMEOUT_MS });
    await admit.click();

    const [admittedAt, therapistFrameAt, patientFrameAt] = await Promise.all([
      markAt(therapist, "stride:admit"),
      markAt(therapist, "stride:first-remote-frame"),
      markAt(patient, "stride:first-remote-frame"),
    ]);
    const timeline = async (page: Page) =>
      page.evaluate((origin) => performance.getEntriesByType("mark").filter((m) => m.name.startsWith("stride:")).map((m) => `${m.name}@${Math.round(performance.timeOrigin + m.startTime - origin)}`).join(" "), admittedAt);
    if (process.env.BENCH_VIDEO_TRACE) log(`therapist: ${await timeline(therapist)}\n  patient: ${await timeline(patient)}`);
    const size = await therapist.getByTestId("remote-video").evaluate((v: HTMLVideoElement) => `${v.videoWidth}x${v.videoHeight}`);
    await patient.getByRole("button", { name: "Leave" }).click();
    await therapist.getByRole("button", { name: "Leave" }).click();
    return { therapistSeesPatientMs: therapistFrameAt - admittedAt, patientSeesTherapistMs: patientFrameAt - admittedAt, size };
  } finally {
    await patientContext.close();
    await therapistContext.close();
  }
}

async function main() {
  const cleanup = new Cleanup(log);
  try {
    const embedded = await startEmbeddedPostgres({ ...PG, log: undefined });
    cleanup.add("PostgreSQL", () => embedded.stop());
    await recreateDatabase(embedded.url);
    await applyMigrations(embedded.url, log);
    const practice = await createVideoPractice(embedded.url);

    const app = await startApp({
      root: ROOT,
      databaseUrl: embedded.url,
      port: APP_PORT,
      readyTimeoutMs: 5 * 60_000,
      log,
      env: { AUTH_SECRET: randomBytes(32).toString("base64"), PUBLIC_BASE_URL: `http://127.0.0.1:${APP_PORT}`, LOG_LEVEL: "warn" },
    });
    cleanup.add("app", () => app.stop());
    const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"] });
    cleanup.add("Chromium", () => browser.close());

    // Sign the therapist in once; every run reuses the session.
    const therapistCookies = await signIn(browser, app.baseUrl, { email: practice.staffEmail, password: practice.staffPassword });

    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const visit = await insertVideoVisit(embedded.url, practice, new Date(Date.now() + 5 * 60_000));
      const run = await runOnce(browser, app.baseUrl, therapistCookies, visit);
      // One visit at a time holds the therapist's hour; free it for the next run.
      await withDatabase(embedded.url, (db) => db.query(`UPDATE "Appointment" SET "status" = 'CANCELLED' WHERE "id" = $1`, [visit.appointmentId]));
      log(`run ${i + 1}/${RUNS}: therapist sees patient after ${run.therapistSeesPatientMs.toFixed(0)} ms, patient sees therapist after ${run.patientSeesTherapistMs.toFixed(0)} ms (${run.size})`);
      runs.push(run);
    }

    const summary = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      runs: runs.length,
      measured: "from the therapist's click on 'Let them in' to the first remote video frame presented (requestVideoFrameCallback) on each side",
      therapistSeesPatientMs: summariseLatency(runs.map((r) => r.therapistSeesPatientMs)),
      patientSeesTherapistMs: summariseLatency(runs.map((r) => r.patientSeesTherapistMs)),
      bothSidesMs: summariseLatency(runs.map((r) => Math.max(r.therapistSeesPatientMs, r.patientSeesTherapistMs))),
      remoteVideoSize: [...new Set(runs.map((r) => r.size))],
    };
    writeResults("video", summary);
  } finally {
    await cleanup.run();
  }
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
