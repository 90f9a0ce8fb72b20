// What proposing a plan of care costs next to one availability request, in
// the same run: a 2-per-week, 12-week plan (24 visits, with alternatives for
// every conflict) through the same domain call the staff route makes, against
// one 14-day availability request for the same service and location through
// the public route handler. In-process, without HTTP, seeding the bench
// practice into its own embedded PostgreSQL (BENCH_PG_PORT):
//
//   npm run bench:plan
//
// Prints JSON with both timings and their ratio (the target is at most 3).

import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { recreateDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { PrismaClient } from "../lib/db/generated/client";
import { applyMigrations } from "../lib/db/migrate";
import { localDay } from "./bookings";
import { THERAPY_SESSION_SLUG } from "./practice";
import { seedBusyPractice } from "./seed";

const ROOT = path.resolve(import.meta.dirname, "..");
const PG = { dataDir: path.join(ROOT, ".data", "bench", "pg"), port: Number(process.env.BENCH_PG_PORT || 54332), database: "stride_bench" };
const WARMUP = Number(process.env.WARMUP ?? 30);
const ITERATIONS = Number(process.env.ITERATIONS ?? 100);
const PLAN_WEEKS = 12;

const round = (n: number) => Number(n.toFixed(2));

async function msPerCall(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) await fn();
  return round((performance.now() - started) / ITERATIONS);
}

async function measure(url: string) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const practice = await seedBusyPractice(prisma);
  const serviceId = practice.serviceIds[THERAPY_SESSION_SLUG]!;
  const location = practice.locations[practice.locations.length - 1]!;
  // A plan reaches 12 weeks ahead: the service is bookable that far for both measurements alike.
  await prisma.service.update({ where: { id: serviceId }, data: { horizonDays: PLAN_WEEKS * 7 + 14 } });
  const therapist = practice.therapists.find((t) => t.locationId === location.id)!;
  const patient = await prisma.patient.findFirstOrThrow({ orderBy: { id: "asc" } });
  const staffUser = await prisma.staffUser.create({ data: { email: "bench-desk@bench.test", name: "Bench Desk", role: "FRONT_DESK", passwordHash: "unused" } });
  (globalThis as { stridePrisma?: unknown }).stridePrisma = prisma;

  const { proposeCarePlan } = await import("../lib/care-plans/data");
  const route = await import("../app/api/availability/route");
  const staff = { id: staffUser.id, name: staffUser.name, email: staffUser.email, role: "FRONT_DESK" as const, therapistId: null, sessionId: "00000000-0000-4000-8000-000000000000" };
  const plan = {
    patientId: patient.id,
    therapistId: therapist.id,
    serviceId,
    locationId: location.id,
    mode: "CLINIC" as const,
    treats: "Knee pain when running",
    visitsPerWeek: 2,
    weeks: PLAN_WEEKS,
    preferredWeekdays: [2, 4],
    windowStartMinute: 9 * 60,
    windowEndMinute: 11 * 60,
    startsOn: localDay(location.timeZone, 1),
  };
  const propose = () => proposeCarePlan(staff, plan, { now: new Date(), ipAddress: "127.0.0.1" });
  const query = new URLSearchParams({ service: serviceId, location: location.id, from: localDay(location.timeZone, 1), to: localDay(location.timeZone, 14) });
  const search = async () => (await route.GET(new Request(`http://localhost/api/availability?${query}`), undefined)).text();

  const proposal = await propose();
  const conflicts = proposal.occurrences.filter((o) => o.conflict);
  // Interleaved rounds, so a burst of load on the shared machine touches both sides alike.
  const plans: number[] = [];
  const searches: number[] = [];
  for (let round = 0; round < 3; round++) {
    searches.push(await msPerCall(search));
    plans.push(await msPerCall(propose));
  }
  await prisma.$disconnect();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const planMs = median(plans);
  const searchMs = median(searches);
  return {
    iterations: ITERATIONS,
    plan: { visits: proposal.occurrences.length, conflicts: conflicts.length, alternatives: conflicts.reduce((n, o) => n + o.alternatives.length, 0), msPerCall: planMs, rounds: plans },
    availability14Days: { msPerCall: searchMs, rounds: searches },
    ratio: round(planMs / searchMs),
    target: 3,
  };
}

async function main(): Promise<void> {
  const db = await startEmbeddedPostgres(PG);
  try {
    await recreateDatabase(db.url);
    await applyMigrations(db.url);
    process.env.DATABASE_URL = db.url;
    process.stdout.write(`${JSON.stringify(await measure(db.url), null, 2)}\n`);
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:plan failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
