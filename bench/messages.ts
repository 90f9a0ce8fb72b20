// `npm run bench:messages`: 10,000 reminders due at once, queued by the
// reminder sweep for seeded visits and delivered by two queue workers
// (graphile-worker, as `npm run worker` runs them) through the app's own
// sendMessage to an SMTP server in this process (smtp-server on loopback,
// counting what it accepts and storing nothing). Beside it, in the same
// run, the baseline: the same number of mails of the same size handed
// straight to nodemailer, pooled as the app's transport is, to the same
// server. Reported: messages per second for both, their ratio (goal ≥ 0.5),
// and duplicates, counted by Message-ID at the server (must be 0). Its own
// embedded PostgreSQL; loopback only. Progress to stderr, JSON to stdout
// and bench/results/messages-latest.json.

import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { zoneAtLocalHour } from "../test/reminder-visits";
import { disconnectPrisma, getPrisma } from "../lib/db/client";
import { recreateDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { migrateJobQueue, startWorker, type StartedWorker } from "../lib/jobs/queue";
import { closeMailTransport } from "../lib/mail/transport";
import { messageTasks } from "../lib/message-templates/tasks";
import { queueDueReminders } from "../lib/reminders/mutations";
import { Cleanup } from "./cleanup";
import { writeResults } from "./results";

const ROOT = path.resolve(import.meta.dirname, "..");
const PG = { dataDir: path.join(ROOT, ".data", "bench-messages", "pg"), port: Number(process.env.BENCH_MESSAGES_PG_PORT || 54363), database: "stride_bench_messages" };
const MESSAGES = Number(process.env.BENCH_MESSAGES || 10_000);
const WORKERS = Number(process.env.BENCH_WORKERS || 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);
const THERAPISTS = 100;
const TIMEOUT_MS = 15 * 60_000;

const log = (line: string) => process.stderr.write(`[bench:messages] ${line}\n`);

/** An SMTP server that accepts everything, counts it, and remembers each Message-ID once. */
async function startCountingServer() {
  const seen = new Set<string>();
  const state = { received: 0, duplicates: 0, firstRaw: null as Buffer | null };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const head = raw.subarray(0, raw.indexOf("\r\n\r\n")).toString("latin1");
        const id = /^Message-ID:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? `(none ${state.received})`;
        if (seen.has(id)) state.duplicates += 1;
        seen.add(id);
        state.received += 1;
        state.firstRaw ??= raw;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    state,
    reset: () => {
      seen.clear();
      Object.assign(state, { received: 0, duplicates: 0 });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A practice whose visits start 22 to 23.7 hours from now in a zone where
 * it is 11:00: each email reminder (24 hours ahead) was due within the last
 * two hours, so all are due at once, none in quiet hours.
 */
async function seedVisits(url: string, count: number): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const zone = zoneAtLocalHour(11);
    await db.query(`INSERT INTO "Practice" ("id", "name", "phone", "email", "updatedAt") VALUES (1, 'Bench Physio', '+1 915-555-0142', 'front@bench.test', now())`);
    const location = await db.query<{ id: string }>(
      `INSERT INTO "Location" ("slug", "name", "addressLine1", "city", "region", "postalCode", "timeZone", "updatedAt")
       VALUES ('bench', 'Bench clinic', '1 Bench St', 'El Paso', 'TX', '79912', $1, now()) RETURNING "id"`,
      [zone],
    );
    const service = await db.query<{ id: string }>(
      `INSERT INTO "Service" ("slug", "nameEn", "nameEs", "durationMinutes", "visitModes", "updatedAt")
       VALUES ('bench-therapy', 'Therapy', 'Terapia', 45, '{CLINIC}', now()) RETURNING "id"`,
    );
    await db.query(
      `INSERT INTO "Therapist" ("slug", "firstName", "lastName", "credentials", "visitModes", "languages", "updatedAt")
       SELECT 'bench-t-' || i, 'Therapist', 'Bench ' || i, 'PT', '{CLINIC}', '{en,es}', now() FROM generate_series(1, $1::int) i`,
      [THERAPISTS],
    );
    await db.query(
      `INSERT INTO "Patient" ("firstName", "lastName", "email", "phone", "dateOfBirth", "preferredLanguage", "updatedAt")
       SELECT 'Pat' || i, 'Bench', 'patient' || i || '@bench.test', '+19155550100', '1980-01-01', (CASE WHEN i % 3 = 0 THEN 'es' ELSE 'en' END)::"Language", now()
         FROM generate_series(1, $1::int) i`,
      [count],
    );
    // Visit n: therapist n / per-therapist, one minute after the one before; booked a week ago.
    const perTherapist = Math.ceil(count / THERAPISTS);
    await db.query(
      `WITH p AS (SELECT "id", "preferredLanguage", row_number() OVER (ORDER BY "email") - 1 AS n FROM "Patient"),
            t AS (SELECT "id", row_number() OVER (ORDER BY "slug") - 1 AS k FROM "Therapist"),
            v AS (SELECT p."id" AS "patientId", p."preferredLanguage", t."id" AS "therapistId",
                         date_trunc('minute', now()) + interval '22 hours' + (p.n % $4::int) * interval '1 minute' AS "start"
                    FROM p JOIN t ON t.k = p.n / $4::int)
       INSERT INTO "Appointment" ("patientId", "therapistId", "serviceId", "locationId", "mode", "startsAt", "endsAt", "blockedFrom", "blockedUntil",
                                  "source", "language", "manageTokenHash", "manageTokenExpiresAt", "startSetAt", "updatedAt")
       SELECT "patientId", "therapistId", $1::uuid, $2::uuid, 'CLINIC', "start", "start" + interval '1 minute', "start", "start" + interval '1 minute',
              'ONLINE', "preferredLanguage", md5("patientId"::text || $3::text), "start" + interval '30 days', now() - interval '7 days', now()
         FROM v`,
      [service.rows[0]!.id, location.rows[0]!.id, randomBytes(8).toString("hex"), perTherapist],
    );
  } finally {
    await db.end();
  }
}

async function waitFor(what: string, done: () => Promise<boolean> | boolean, timeoutMs = TIMEOUT_MS): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The same number of mails, of the same size, straight through nodemailer, as many in flight as the workers run. */
async function baseline(smtpUrl: string, sample: { subject: string; text: string; html: string }, count: number, inFlight: number): Promise<number> {
  // Pooled as lib/mail/transport.ts pools: the same connections to the same server.
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 4, ignoreTLS: true } as Parameters<typeof nodemailer.createTransport>[0]);
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < count) {
          const i = next++;
          await transport.sendMail({ from: "Bench Physio <no-reply@bench.test>", to: `patient${i}@bench.test`, subject: sample.subject, text: sample.text, html: sample.html, messageId: `<baseline-${i}@bench>` });
        }
      }),
    );
    return performance.now() - started;
  } finally {
    transport.close();
  }
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

async function main() {
  const cleanup = new Cleanup(log);
  cleanup.exitOnSignals();
  try {
    log(`starting PostgreSQL in ${path.relative(ROOT, PG.dataDir)} on 127.0.0.1:${PG.port}`);
    const db = await startEmbeddedPostgres(PG);
    cleanup.add("PostgreSQL", () => db.stop());
    await recreateDatabase(db.url);
    await applyMigrations(db.url, log);
    await migrateJobQueue(db.url);
    const smtp = await startCountingServer();
    cleanup.add("SMTP server", () => smtp.close());
    Object.assign(process.env, { DATABASE_URL: db.url, SMTP_URL: smtp.url, AUTH_SECRET: randomBytes(32).toString("base64"), PUBLIC_BASE_URL: "http://localhost:3000" });
    cleanup.add("Prisma", () => disconnectPrisma());
    cleanup.add("mail transport", () => closeMailTransport());

    log(`seeding ${MESSAGES} visits whose reminders are due`);
    await seedVisits(db.url, MESSAGES);

    const sweepStarted = performance.now();
    const { queued } = await queueDueReminders(new Date());
    const sweepMs = performance.now() - sweepStarted;
    if (queued !== MESSAGES) throw new Error(`the sweep queued ${queued} reminders, not ${MESSAGES}`);
    log(`sweep: ${queued} reminders queued in ${Math.round(sweepMs)} ms`);

    log(`delivering with ${WORKERS} workers × concurrency ${CONCURRENCY}`);
    const deliveryStarted = performance.now();
    const workers: StartedWorker[] = await Promise.all(
      Array.from({ length: WORKERS }, () => startWorker(db.url, messageTasks, { concurrency: CONCURRENCY, log: (level, message) => log(`worker ${level}: ${message}`) })),
    );
    cleanup.add("workers", () => Promise.all(workers.map((w) => w.stop())).then(() => undefined));
    const prisma = getPrisma();
    const open = async () => prisma.message.count({ where: { status: "QUEUED" } });
    await waitFor("every reminder to reach the server", () => smtp.state.received >= MESSAGES);
    await waitFor("every reminder to be recorded as sent", async () => (await open()) === 0);
    const deliveryMs = performance.now() - deliveryStarted;
    const statuses = await prisma.message.groupBy({ by: ["status"], _count: true });
    const app = { received: smtp.state.received, duplicates: smtp.state.duplicates };
    log(`app: ${app.received} received in ${Math.round(deliveryMs)} ms, ${app.duplicates} duplicates; ${statuses.map((s) => `${s.status} ${s._count}`).join(", ")}`);

    const sample = await simpleParser(smtp.state.firstRaw!);
    const mail = { subject: sample.subject ?? "", text: sample.text ?? "", html: typeof sample.html === "string" ? sample.html : "" };
    smtp.reset();
    const baselineMs = await baseline(smtp.url, mail, MESSAGES, WORKERS * CONCURRENCY);
    if (smtp.state.received !== MESSAGES) throw new Error(`the baseline delivered ${smtp.state.received} of ${MESSAGES}`);
    log(`baseline: ${MESSAGES} in ${Math.round(baselineMs)} ms`);

    const summary = {
      messages: MESSAGES,
      workers: WORKERS,
      concurrency: CONCURRENCY,
      mailBytes: smtp.state.firstRaw!.byteLength,
      sweep: { queued, ms: Math.round(sweepMs), perSec: perSecond(queued, sweepMs) },
      app: { ms: Math.round(deliveryMs), perSec: perSecond(MESSAGES, deliveryMs), received: app.received, duplicates: app.duplicates, statuses: Object.fromEntries(statuses.map((s) => [s.status, s._count])) },
      baseline: { what: "the same mails straight through pooled nodemailer to the same server", ms: Math.round(baselineMs), perSec: perSecond(MESSAGES, baselineMs) },
      ratio: Number((baselineMs / deliveryMs).toFixed(2)),
      goal: { ratioAtLeast: 0.5, duplicates: 0 },
    };
    const met = summary.ratio >= 0.5 && app.duplicates === 0;
    process.stderr.write(
      [
        "",
        `reminders queued by the sweep   ${String(summary.sweep.perSec).padStart(7)} /s`,
        `delivered by the workers        ${String(summary.app.perSec).padStart(7)} /s   duplicates ${app.duplicates}`,
        `raw nodemailer, same server     ${String(summary.baseline.perSec).padStart(7)} /s`,
        `ratio                           ${summary.ratio.toFixed(2).padStart(7)}      goal ≥ 0.50 ${met ? "met" : "MISSED"}`,
        "",
      ].join("\n"),
    );
    writeResults("messages", summary);
  } finally {
    await cleanup.run();
  }
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
});
