// `npm run bench`: seeds a busy three-location practice (and a fourth
// location with a full week for twelve therapists) into its own embedded
// PostgreSQL, serves the production build against it, and measures a
// baseline (GET /api/health, one `SELECT 1`), availability reads, booking
// writes, a 200-way race for one slot and, signed in as a front desk, that
// week's calendar board: its API when the board changed (full 200s) and when
// it did not (304s), the page in Chromium, and the paid booking path (hold →
// the fake Stripe's checkout → signed webhook → booked), all on loopback. Every load
// phase is also given as a ratio to the baseline of the same run, and the
// targets are set on those ratios: absolute times move 3–4× between shared
// machines, a ratio much less. Progress goes to stderr; stdout carries one
// JSON summary, also written to bench/results/latest.json. Missed targets are
// reported, not fatal: only a broken harness exits non-zero.

import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { recreateDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { PrismaClient } from "../lib/db/generated/client";
import { applyMigrations } from "../lib/db/migrate";
import { startFakeStripe, type FakeStripe } from "../lib/payments/fake-stripe/server";
import { startApp, type AppServer } from "./app-server";
import {
  collectBookableSlots,
  getAvailability,
  localDay,
  runBookingPhase,
  runRace,
  warmBookings,
  type BookingPhaseResult,
  type BookingTarget,
  type RaceResult,
} from "./bookings";
import { Cleanup } from "./cleanup";
import { runPaidBookings, type PaidBookingResult } from "./paid-bookings";
import { runLoad, type LoadResult } from "./load";
import { demoPayment, SERVICES, THERAPY_SESSION_SLUG } from "./practice";
import { atMost, ratioTable, withRatios } from "./ratios";
import { seedBusyPractice, type BusyWeek, type SeededPractice } from "./seed";
import {
  cookieHeader,
  createFrontDeskAccount,
  fetchWeekBoard,
  launchChromium,
  measureUnchangedWeekApi,
  measureWeekApi,
  signIn,
  type StaffAccount,
} from "./staff";
import { measureWeekPage } from "./week-page";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS_FILE = path.join(ROOT, "bench", "results", "latest.json");
// BENCH_PG_PORT and BENCH_APP_PORT move the run off ports another checkout's run or tests may hold.
const PG = { dataDir: path.join(ROOT, ".data", "bench", "pg"), port: Number(process.env.BENCH_PG_PORT || 54332), database: "stride_bench" };
const APP_PORT = Number(process.env.BENCH_APP_PORT || 3200);
// BENCH_APP_NODE_ARGS gives the app's node flags, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profile" to see where a phase's time goes.
const APP_NODE_ARGS = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
const APP_READY_TIMEOUT_MS = 5 * 60_000;

// The baseline runs with the same connections and duration as the phases it is compared with.
const LOAD = { connections: 10, durationS: 15, warmupS: 3 };
const BASELINE = LOAD;
const AVAILABILITY = LOAD;
const BOOKINGS = { connections: LOAD.connections, amount: 300, maxSeconds: 90, window: { fromDay: 28, toDay: 49 }, warmups: 5 };
const RACE = { requests: 200, window: { fromDay: 50, toDay: 52 } };
const STAFF_WEEK = LOAD;
// As many patients paying at once as the baseline has connections, on days
// after the race's and inside the therapy session's 60-day horizon.
const PAID = { amount: 100, concurrency: LOAD.connections, window: { fromDay: 53, toDay: 60 } };
const WEEK_PAGE_RUNS = 5;
/** p95 as a multiple of the baseline's p95, at most. */
const TARGET_RATIO = { availabilityP95: 4, unchangedBoardP95: 1.5, changedWeekP95: 6 };
const ACTIVE = ["BOOKED", "CHECKED_IN", "COMPLETED"];

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface AvailabilityPhase extends LoadResult {
  path: string;
  slotsPerResponse: number;
}

interface RaceSummary extends RaceResult {
  /** Active rows starting exactly at the raced slot for its therapist. */
  activeRowsAtSlot: number;
  /** Active rows of that therapist whose blocked time overlaps the raced visit. */
  activeRowsOverlapping: number;
}

function gitCommit(): string | null {
  const result = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

function busiestLocation(practice: SeededPractice) {
  const visits = practice.report.visitsInFirstTwoWeeks;
  return [...practice.locations].sort((a, b) => (visits[b.slug] ?? 0) - (visits[a.slug] ?? 0))[0]!;
}

async function measureBaseline(baseUrl: string): Promise<LoadResult & { path: string }> {
  const url = `${baseUrl}/api/health`;
  log(`baseline: GET /api/health; warming up ${BASELINE.warmupS} s`);
  await runLoad({ url, connections: 4, durationS: BASELINE.warmupS, maxSeconds: BASELINE.warmupS + 10 });
  log(`baseline: measuring ${BASELINE.durationS} s with ${BASELINE.connections} connections`);
  const result = await runLoad({ url, connections: BASELINE.connections, durationS: BASELINE.durationS, maxSeconds: BASELINE.durationS + 15 });
  log(`baseline: ${result.requestsPerSec} req/s, p95 ${result.latencyMs.p95} ms, codes ${JSON.stringify(result.status.byCode)}`);
  // Every ratio divides by this phase: a baseline of errors would make every phase look good.
  const notOk = Object.keys(result.status.byCode).filter((code) => code !== "200");
  if (notOk.length > 0) throw new Error(`baseline: every answer must be 200, got ${JSON.stringify(result.status.byCode)}`);
  return { path: "/api/health", ...result };
}

async function measureAvailability(baseUrl: string, params: Record<string, string>, label: string): Promise<AvailabilityPhase> {
  const query = `/api/availability?${new URLSearchParams(params)}`;
  const sample = await getAvailability(baseUrl, params);
  log(`${label}: ${sample.slots.length} slots per response; warming up ${AVAILABILITY.warmupS} s`);
  await runLoad({ url: baseUrl + query, connections: 4, durationS: AVAILABILITY.warmupS, maxSeconds: AVAILABILITY.warmupS + 10 });
  log(`${label}: measuring ${AVAILABILITY.durationS} s with ${AVAILABILITY.connections} connections`);
  const result = await runLoad({
    url: baseUrl + query,
    connections: AVAILABILITY.connections,
    durationS: AVAILABILITY.durationS,
    maxSeconds: AVAILABILITY.durationS + 15,
  });
  log(`${label}: ${result.requestsPerSec} req/s, p95 ${result.latencyMs.p95} ms`);
  return { path: query, slotsPerResponse: sample.slots.length, ...result };
}

/**
 * The same booking load twice on one set of free slots: first as the app
 * runs for real (fsync on), then with fsync switched off for the cluster
 * (a reloadable setting), so the cost of durable commits is a ratio measured
 * in one run. fsync goes back on before anything else is measured.
 */
async function measureBookings(
  baseUrl: string,
  practice: SeededPractice,
  serviceId: string,
  prisma: PrismaClient,
): Promise<{ fsyncOn: BookingPhase; fsyncOff: BookingPhase }> {
  const targets = await collectBookableSlots(baseUrl, serviceId, practice.locations, practice.therapists, BOOKINGS.window);
  const warm = targets.splice(0, BOOKINGS.warmups);
  log(`bookings: ${targets.length} non-colliding free slots on days ${BOOKINGS.window.fromDay}–${BOOKINGS.window.toDay}; warm-up answers ${(await warmBookings(baseUrl, serviceId, warm)).join(",")}`);
  // autocannon builds one request per connection that it never sends.
  const amount = Math.min(BOOKINGS.amount, Math.floor(targets.length / 2) - 2 * BOOKINGS.connections);
  if (amount < BOOKINGS.connections) throw new Error(`Only ${targets.length} free slots to book; the seed leaves too little room`);
  const half = Math.floor(targets.length / 2);
  const run = async (label: string, slots: BookingTarget[]): Promise<BookingPhase> => {
    log(`bookings (${label}): ${amount} POSTs with ${BOOKINGS.connections} connections`);
    const before = await countPersistedLoadBookings(prisma);
    const result = await runBookingPhase(baseUrl, serviceId, slots, { amount, connections: BOOKINGS.connections, maxSeconds: BOOKINGS.maxSeconds });
    log(`bookings (${label}): ${result.requestsPerSec} req/s, p95 ${result.latencyMs.p95} ms, codes ${JSON.stringify(result.status.byCode)}`);
    // Every 201 must be a row: a lost write would pass the status counts.
    return { ...result, persisted: (await countPersistedLoadBookings(prisma)) - before };
  };
  const fsyncOn = await run("fsync on", targets.slice(0, half));
  await setFsync(prisma, false);
  try {
    return { fsyncOn, fsyncOff: await run("fsync off", targets.slice(half)) };
  } finally {
    await setFsync(prisma, true);
  }
}

type BookingPhase = BookingPhaseResult & { persisted: number };

async function setFsync(prisma: PrismaClient, on: boolean): Promise<void> {
  await prisma.$executeRawUnsafe(on ? "ALTER SYSTEM RESET fsync" : "ALTER SYSTEM SET fsync = off");
  await prisma.$queryRawUnsafe("SELECT pg_reload_conf()");
  // The reload is a signal: wait until this cluster reports the new value.
  for (let i = 0; i < 50; i++) {
    const [row] = await prisma.$queryRawUnsafe<{ fsync: string }[]>("SHOW fsync");
    if (row?.fsync === (on ? "on" : "off")) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fsync did not turn ${on ? "on" : "off"}`);
}

async function raceTarget(baseUrl: string, practice: SeededPractice, serviceId: string): Promise<BookingTarget> {
  const location = busiestLocation(practice);
  const therapist = practice.therapists.find((t) => t.locationId === location.id)!;
  const { slots } = await getAvailability(baseUrl, {
    service: serviceId,
    from: localDay(location.timeZone, RACE.window.fromDay),
    to: localDay(location.timeZone, RACE.window.toDay),
    location: location.id,
    therapist: therapist.id,
  });
  const slot = slots[0];
  if (!slot) throw new Error("No free slot to race for");
  return { start: slot.start, therapistId: slot.therapistId, locationId: slot.locationId };
}

async function measureRace(baseUrl: string, practice: SeededPractice, serviceId: string, prisma: PrismaClient): Promise<RaceSummary> {
  const target = await raceTarget(baseUrl, practice, serviceId);
  log(`race: ${RACE.requests} concurrent POSTs for ${target.start} with therapist ${target.therapistId}`);
  const result = await runRace(baseUrl, serviceId, target, RACE.requests);
  const start = new Date(Date.parse(target.start));
  const therapy = SERVICES.find((s) => s.slug === THERAPY_SESSION_SLUG)!;
  const end = new Date(start.getTime() + therapy.durationMinutes * 60_000);
  const [row] = await prisma.$queryRaw<{ exact: number; overlapping: number }[]>`
    SELECT count(*) FILTER (WHERE "startsAt" = ${start})::int AS exact,
           count(*)::int AS overlapping
      FROM "Appointment"
     WHERE "therapistId" = ${target.therapistId}::uuid
       AND "status"::text = ANY(${ACTIVE})
       AND tstzrange("blockedFrom", "blockedUntil", '[)') && tstzrange(${start}, ${end}, '[)')`;
  log(`race: codes ${JSON.stringify(result.status.byCode)}; active rows at the slot: ${row?.exact}`);
  return { ...result, activeRowsAtSlot: row?.exact ?? 0, activeRowsOverlapping: row?.overlapping ?? 0 };
}

async function countPersistedLoadBookings(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Appointment" a JOIN "Patient" p ON p.id = a."patientId"
     WHERE p.email LIKE 'bench.load.%' AND a."status"::text = ANY(${ACTIVE})`;
  return row?.n ?? 0;
}

async function measureStaffWeek(cleanup: Cleanup, baseUrl: string, week: BusyWeek, account: StaffAccount) {
  const browser = await launchChromium();
  cleanup.add("Chromium", () => browser.close());
  try {
    log(`staff: signing in as ${account.email} through the sign-in form`);
    const cookies = await signIn(browser, baseUrl, account);
    const cookie = cookieHeader(cookies);
    const query = new URLSearchParams({ location: week.location.id, date: week.today, view: "week" });
    const apiPath = `/api/staff/calendar?${query}`;
    const board = await fetchWeekBoard(baseUrl + apiPath, cookie);
    if (board.body.appointments.length !== week.visits) {
      throw new Error(`The week board holds ${board.body.appointments.length} visits, the seed put ${week.visits} there`);
    }
    const api = await measureWeekApi(baseUrl, apiPath, cookie, board, STAFF_WEEK, log);
    const unchanged = await measureUnchangedWeekApi(baseUrl, apiPath, cookie, STAFF_WEEK, log);
    const pagePath = `/staff/calendar?${query}`;
    log(`staff week page: ${WEEK_PAGE_RUNS} loads of ${pagePath} in Chromium`);
    const ids = new Set(board.body.appointments.map((a) => a.id));
    const page = await measureWeekPage(browser, baseUrl, pagePath, cookies, ids, WEEK_PAGE_RUNS, log);
    return {
      location: week.location.slug,
      locationId: week.location.id,
      week: { from: week.dates[0]!, to: week.dates[week.dates.length - 1]! },
      therapists: board.body.therapists.length,
      weekVisits: board.body.appointments.length,
      api,
      unchanged,
      page,
    };
  } finally {
    await browser.close();
  }
}

interface RatedPhases {
  availability: LoadResult & { ratios: { p95: number | null } };
  changedWeek: LoadResult & { ratios: { p95: number | null } };
  unchangedWeek: LoadResult & { ratios: { p95: number | null } };
}

function targets(rated: RatedPhases, phases: (LoadResult | PaidBookingResult)[], race: RaceSummary, paid: PaidBookingResult) {
  const all = [...phases, race];
  const fiveXx = all.reduce((sum, p) => sum + p.status["5xx"], 0);
  const noResponse = all.reduce((sum, p) => sum + p.status.other, 0);
  const created = race.status.byCode["201"] ?? 0;
  return {
    availabilityP95XBaseline: atMost(rated.availability.ratios.p95, TARGET_RATIO.availabilityP95),
    unchangedBoardP95XBaseline: atMost(rated.unchangedWeek.ratios.p95, TARGET_RATIO.unchangedBoardP95),
    changedWeekP95XBaseline: atMost(rated.changedWeek.ratios.p95, TARGET_RATIO.changedWeekP95),
    raceExactlyOne201: { created, of: race.requests, activeRowsAtSlot: race.activeRowsAtSlot, pass: created === 1 && race.activeRowsAtSlot === 1 },
    // A request that got no answer at all fails this too.
    no5xx: { fiveXx, noResponse, pass: fiveXx === 0 && noResponse === 0 },
    // Every paid path that was held and paid ended booked: the webhook's effect is checked, not only its 200.
    paidPathsAllBooked: { booked: paid.booked, of: paid.requests, pass: paid.booked === paid.requests && paid.notBooked === 0 },
  };
}

async function startDatabase(cleanup: Cleanup): Promise<{ url: string; prisma: PrismaClient }> {
  log(`starting PostgreSQL in ${path.relative(ROOT, PG.dataDir)} on 127.0.0.1:${PG.port}`);
  const db = await startEmbeddedPostgres(PG);
  cleanup.add("PostgreSQL", () => db.stop());
  await recreateDatabase(db.url);
  await applyMigrations(db.url, log);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 4 }) });
  cleanup.add("Prisma", () => prisma.$disconnect());
  // A run stopped during the fsync-off phase leaves it off in the cluster's configuration.
  await setFsync(prisma, true);
  return { url: db.url, prisma };
}

/** The fake Stripe the app's payments go to; its webhooks go to the app's endpoint. */
async function startStripe(cleanup: Cleanup): Promise<FakeStripe> {
  const stripe = await startFakeStripe({
    secretKey: `sk_test_${randomBytes(24).toString("hex")}`,
    webhookSecret: `whsec_${randomBytes(24).toString("hex")}`,
    webhookUrl: `http://127.0.0.1:${APP_PORT}/api/webhooks/stripe`,
  });
  cleanup.add("fake Stripe", () => stripe.close());
  log(`fake Stripe on ${stripe.url}`);
  return stripe;
}

/**
 * Hold → pay → webhook → booked, for therapy sessions given the demo's
 * deposit rule only now, after every other phase has measured the free path.
 */
async function measurePaidBookings(baseUrl: string, practice: SeededPractice, serviceId: string, prisma: PrismaClient, stripe: FakeStripe): Promise<PaidBookingResult> {
  const payment = demoPayment(THERAPY_SESSION_SLUG);
  if (payment.paymentRule === "NONE") throw new Error("The demo's therapy session takes no payment online: there is no paid path to measure");
  await prisma.service.update({ where: { id: serviceId }, data: payment });
  const targets = await collectBookableSlots(baseUrl, serviceId, practice.locations, practice.therapists, PAID.window);
  if (targets.length < PAID.amount + 5) throw new Error(`Only ${targets.length} free slots for the paid path`);
  const warm = await runPaidBookings(baseUrl, serviceId, targets.splice(0, 5), stripe, prisma, { amount: 5, concurrency: 1 });
  log(`paid bookings: warm-up booked ${warm.booked} of 5`);
  log(`paid bookings: ${PAID.amount} hold → checkout → webhook paths, ${PAID.concurrency} at a time`);
  const result = await runPaidBookings(baseUrl, serviceId, targets, stripe, prisma, PAID);
  log(`paid bookings: ${result.requestsPerSec}/s, p95 ${result.latencyMs.p95} ms (hold ${result.holdMs.p95}, pay + webhook ${result.payAndWebhookMs.p95}); booked ${result.booked}, not booked ${result.notBooked}, codes ${JSON.stringify(result.status.byCode)}`);
  return result;
}

async function startServer(cleanup: Cleanup, databaseUrl: string, stripe: FakeStripe): Promise<AppServer> {
  log(`starting the app on port ${APP_PORT} (builds first if the build is stale)`);
  const started = performance.now();
  const env = {
    // A fresh secret per run: no cookie from an earlier run can be valid.
    AUTH_SECRET: randomBytes(32).toString("base64"),
    // The staff phases reuse one sign-in for minutes; the default 15 idle minutes could end it between phases.
    STAFF_IDLE_SECONDS: String(24 * 3600),
    // One JSON line per request would flood the bench's own output under load.
    LOG_LEVEL: "warn",
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_BASE: stripe.url,
  };
  const app = await startApp({ root: ROOT, databaseUrl, port: APP_PORT, readyTimeoutMs: APP_READY_TIMEOUT_MS, log, env, nodeArgs: APP_NODE_ARGS });
  cleanup.add("app", () => app.stop(), () => app.signal());
  log(`app ready after ${Math.round((performance.now() - started) / 1000)} s`);
  return app;
}

async function main(): Promise<void> {
  const cleanup = new Cleanup(log);
  cleanup.exitOnSignals();
  const runStarted = performance.now();
  const loadAtStart = os.loadavg().map((n) => Number(n.toFixed(2)));
  try {
    const { url, prisma } = await startDatabase(cleanup);
    const practice = await seedBusyPractice(prisma);
    log(`seeded in ${practice.report.ms} ms: ${JSON.stringify(practice.report.counts)}`);
    log(`busy week: ${practice.busyWeek.visits} visits at ${practice.busyWeek.location.slug}, ${practice.busyWeek.dates[0]} to ${practice.busyWeek.dates[6]}`);
    const account = await createFrontDeskAccount(prisma);
    const stripe = await startStripe(cleanup);
    const app = await startServer(cleanup, url, stripe);

    const serviceId = practice.serviceIds[THERAPY_SESSION_SLUG]!;
    const busiest = busiestLocation(practice);
    const window = { service: serviceId, from: localDay(busiest.timeZone, 1), to: localDay(busiest.timeZone, 14) };
    const baseline = await measureBaseline(app.baseUrl);
    const availability = withRatios(baseline, await measureAvailability(app.baseUrl, { ...window, location: busiest.id }, `availability ${busiest.slug}`));
    const availabilityAll = withRatios(baseline, await measureAvailability(app.baseUrl, window, "availability all locations"));
    const measuredWeek = await measureStaffWeek(cleanup, app.baseUrl, practice.busyWeek, account);
    const staffWeek = { ...measuredWeek, api: withRatios(baseline, measuredWeek.api), unchanged: withRatios(baseline, measuredWeek.unchanged) };
    const measuredBookings = await measureBookings(app.baseUrl, practice, serviceId, prisma);
    const bookings = withRatios(baseline, measuredBookings.fsyncOn);
    const bookingsFsyncOff = withRatios(baseline, measuredBookings.fsyncOff);
    const race = withRatios(baseline, await measureRace(app.baseUrl, practice, serviceId, prisma));
    const paidBookings = withRatios(baseline, await measurePaidBookings(app.baseUrl, practice, serviceId, prisma, stripe));
    const table = ratioTable([
      { name: "baseline (GET /api/health)", phase: withRatios(baseline, baseline) },
      { name: "availability", phase: availability },
      { name: "availability, all locations", phase: availabilityAll },
      { name: "staff week, changed (200)", phase: staffWeek.api },
      { name: "staff week, unchanged (304)", phase: staffWeek.unchanged },
      { name: "bookings", phase: bookings },
      { name: "bookings, fsync off", phase: bookingsFsyncOff },
      { name: "race (200 at once)", phase: race },
      { name: "paid booking (hold → pay → webhook)", phase: paidBookings },
    ]);

    const summary = {
      finishedAt: new Date().toISOString(),
      commit: gitCommit(),
      environment: {
        node: process.version,
        cpus: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        // Anything else busy on the machine skews every figure; this shows whether it was.
        loadAverageAtStart: loadAtStart,
      },
      totalSeconds: Math.round((performance.now() - runStarted) / 1000),
      seed: { ...practice.report, busiestLocation: busiest.slug },
      phases: { baseline, availability, availabilityAllLocations: availabilityAll, bookings, bookingsFsyncOff, paidBookings },
      // What durable commits cost: booking throughput with fsync on over the same load with it off.
      fsyncCost: {
        throughputOnOverOff: Number((bookings.requestsPerSec / bookingsFsyncOff.requestsPerSec).toFixed(2)),
        p95OnOverOff: Number((bookings.latencyMs.p95 / bookingsFsyncOff.latencyMs.p95).toFixed(2)),
      },
      // The paid path against the free one: what holding, Stripe's checkout and its webhook add to a booking.
      paidPathCost: {
        p95OverFreeBooking: Number((paidBookings.latencyMs.p95 / bookings.latencyMs.p95).toFixed(2)),
        throughputOverFreeBooking: Number((paidBookings.requestsPerSec / bookings.requestsPerSec).toFixed(2)),
      },
      race,
      staffWeek,
      targets: targets(
        { availability, changedWeek: staffWeek.api, unchangedWeek: staffWeek.unchanged },
        [baseline, availability, availabilityAll, staffWeek.api, staffWeek.unchanged, bookings, bookingsFsyncOff, paidBookings],
        race,
        paidBookings,
      ),
    };
    log(`ratios to the baseline (same run):\n${table}`);
    for (const [name, target] of Object.entries(summary.targets)) log(`target ${name}: ${target.pass ? "met" : "MISSED"} ${JSON.stringify(target)}`);
    const text = JSON.stringify(summary, null, 2);
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${text}\n`);
    process.stdout.write(`${text}\n`);
  } finally {
    await cleanup.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`harness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
