// Where an availability request's time goes, measured in-process without
// HTTP: the whole route handler, searchSlots alone, and formatting the slots,
// with the Prisma queries each call issues. Seeds the same practice as
// bench/run.ts into the same embedded PostgreSQL (so not while it runs):
//
//   node --conditions=react-server --import tsx bench/profile-availability.ts
//
// (react-server lets "server-only" modules load outside Next.) Prints JSON;
// SHOW_SQL=1 also prints one request's queries to stderr. Add --cpu-prof to
// the node flags for a CPU profile of the same loop.

import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { recreateDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { PrismaClient, type Prisma } from "../lib/db/generated/client";
import { applyMigrations } from "../lib/db/migrate";
import { localDay } from "./bookings";
import { THERAPY_SESSION_SLUG } from "./practice";
import { seedBusyPractice } from "./seed";

const ROOT = path.resolve(import.meta.dirname, "..");
const PG = { dataDir: path.join(ROOT, ".data", "bench", "pg"), port: Number(process.env.BENCH_PG_PORT || 54332), database: "stride_bench" };
const WARMUP = 200;
const ITERATIONS = Number(process.env.ITERATIONS ?? 300);

interface QueryLog {
  sql: string;
  ms: number;
}

interface Timing {
  msPerCall: number;
  queriesPerCall: number;
  /** Summed Prisma-reported durations; exceeds msPerCall when queries overlap. */
  queryMsPerCall: number;
}

const round = (n: number) => Number(n.toFixed(2));

async function time(queries: QueryLog[], fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await fn();
  queries.length = 0;
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) await fn();
  const elapsed = performance.now() - started;
  return {
    msPerCall: round(elapsed / ITERATIONS),
    queriesPerCall: round(queries.length / ITERATIONS),
    queryMsPerCall: round(queries.reduce((sum, q) => sum + q.ms, 0) / ITERATIONS),
  };
}

/** The app's own code paths, using a Prisma client that logs every query. */
async function loadApp(url: string, queries: QueryLog[]) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e: Prisma.QueryEvent) => queries.push({ sql: e.query, ms: e.duration }));
  // lib/db/client.ts keeps its client on this global; taking the slot first makes getPrisma() return ours.
  (globalThis as { stridePrisma?: unknown }).stridePrisma = client;
  const data = await import("../lib/booking/data");
  const route = await import("../app/api/availability/route");
  return { client, data, route };
}

async function profile(url: string) {
  const seedClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const practice = await seedBusyPractice(seedClient);
  await seedClient.$disconnect();
  const queries: QueryLog[] = [];
  const { client, data, route } = await loadApp(url, queries);
  const serviceId = practice.serviceIds[THERAPY_SESSION_SLUG]!;
  const location = practice.locations[practice.locations.length - 1]!;
  const from = localDay(location.timeZone, 1);
  const to = localDay(location.timeZone, 14);

  const results: Record<string, unknown> = {};
  for (const locationId of [location.id, undefined]) {
    const service = await data.findService(serviceId);
    const locations = await data.resolveLocations(locationId, "CLINIC", undefined);
    const search = () => data.searchSlots({ service, mode: "CLINIC", locations, from, to, now: new Date() });
    const found = await search();
    const format = async () => found.slots.map((s) => data.toSlotDto(s, found.zones.get(s.locationId) ?? found.timeZone, { cancelCutoffMinutes: service.cancelCutoffMinutes, now: new Date() }));
    const query = new URLSearchParams({ service: serviceId, from, to, ...(locationId ? { location: locationId } : {}) });
    const get = async () => (await route.GET(new Request(`http://localhost/api/availability?${query}`), undefined)).text();
    results[locationId ? `location ${location.slug}` : "all locations"] = {
      slots: found.slots.length,
      searchSlots: await time(queries, search),
      formatSlots: await time(queries, format),
      routeHandler: await time(queries, get),
    };
    if (process.env.SHOW_SQL) {
      queries.length = 0;
      await get();
      for (const q of queries) process.stderr.write(`-- ${q.ms.toFixed(2)} ms\n${q.sql}\n`);
    }
  }
  await client.$disconnect();
  return results;
}

async function main(): Promise<void> {
  const db = await startEmbeddedPostgres(PG);
  try {
    await recreateDatabase(db.url);
    await applyMigrations(db.url);
    process.env.DATABASE_URL = db.url;
    const results = await profile(db.url);
    process.stdout.write(`${JSON.stringify({ iterations: ITERATIONS, ...results }, null, 2)}\n`);
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
