// `npm run bench:import`: 10,000 patient rows as a CSV file, checked
// (preview) and imported through the app's own functions into a throwaway
// embedded PostgreSQL, beside a baseline measured in the same run: the same
// rows written by plain multi-row INSERTs through pg in one transaction, the
// least any import of them can cost. Each phase is given in rows per second
// and as a ratio to the baseline (absolute speed moves 3–4× between shared
// machines; the ratio much less). Progress goes to stderr, the JSON summary
// to stdout.

import path from "node:path";
import pg from "pg";
import type { StaffMember } from "../lib/auth/mutations";
import { recreateDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { disconnectPrisma, getPrisma } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { importPatients, previewPatientImport } from "../lib/data-transfer/mutations";
import { PATIENT_COLUMNS } from "../lib/data-transfer/schema";
import { Cleanup } from "./cleanup";

const ROOT = path.resolve(import.meta.dirname, "..");
const PG = { dataDir: path.join(ROOT, ".data", "bench-import", "pg"), port: Number(process.env.BENCH_IMPORT_PG_PORT ?? 54353), database: "stride_bench_import" };
const ROWS = 10_000;
/** Rows per INSERT in the baseline: 11 parameters a row stays under PostgreSQL's 65,535 per statement. */
const BASELINE_BATCH = 1000;

const log = (line: string) => process.stderr.write(`[bench:import] ${line}\n`);

interface Row {
  first: string;
  last: string;
  email: string;
  phone: string;
  dob: string;
  lang: "en" | "es";
  line1: string;
  line2: string;
  city: string;
  region: string;
  postal: string;
}

const FIRST = ["Ana", "Luis", "Zoë", "Priya", "Omar", "Inés", "Wei", "Chloé", "Kwame", "Sofía"];
const LAST = ["García", "Nair", "O'Brien", "Nguyen", "Müller", "Okafor", "Silva", "Kowalski", "Haddad", "Reyes"];

function makeRows(): Row[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    first: FIRST[i % FIRST.length]!,
    last: `${LAST[Math.floor(i / FIRST.length) % LAST.length]!} ${i}`,
    email: `patient${i}@example.com`,
    phone: `+1 915 555 ${String(i % 10000).padStart(4, "0")}`,
    dob: `${1940 + (i % 60)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
    lang: i % 3 === 0 ? "es" : "en",
    line1: `${100 + i} Mesa St`,
    line2: i % 4 === 0 ? `Apt ${i % 50}` : "",
    city: "El Paso",
    region: "TX",
    postal: "79912",
  }));
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

function toCsv(rows: Row[]): Uint8Array {
  const header = [...PATIENT_COLUMNS.required, ...PATIENT_COLUMNS.optional];
  const lines = rows.map((r) => [r.first, r.last, r.email, r.phone, r.dob, r.lang, r.line1, r.line2, r.city, r.region, r.postal].map(quote).join(","));
  return new TextEncoder().encode([header.join(","), ...lines].join("\r\n") + "\r\n");
}

async function baselineInsert(url: string, rows: Row[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("BEGIN");
    for (let i = 0; i < rows.length; i += BASELINE_BATCH) {
      const batch = rows.slice(i, i + BASELINE_BATCH);
      const values: unknown[] = [];
      const tuples = batch.map((r, j) => {
        values.push(r.first, r.last, r.email, r.phone, r.dob, r.lang, r.line1, r.line2 || null, r.city, r.region, r.postal);
        const p = (k: number) => `$${j * 11 + k}`;
        return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}::date, ${p(6)}::"Language", ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, now(), now())`;
      });
      await client.query(
        `INSERT INTO "Patient" ("firstName", "lastName", "email", "phone", "dateOfBirth", "preferredLanguage", "addressLine1", "addressLine2", "city", "region", "postalCode", "createdAt", "updatedAt") VALUES ${tuples.join(", ")}`,
        values,
      );
    }
    await client.query("COMMIT");
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

const perSecond = (ms: number) => Math.round((ROWS / ms) * 1000);
/** How many times the baseline's time a phase took: 3 means three times as slow. */
const ratio = (ms: number, baseMs: number) => Number((ms / baseMs).toFixed(2));

async function main() {
  const cleanup = new Cleanup(log);
  cleanup.exitOnSignals();
  try {
    log(`starting PostgreSQL in ${path.relative(ROOT, PG.dataDir)} on 127.0.0.1:${PG.port}`);
    const db = await startEmbeddedPostgres(PG);
    cleanup.add("PostgreSQL", () => db.stop());
    await recreateDatabase(db.url);
    await applyMigrations(db.url, log);
    process.env.DATABASE_URL = db.url;
    cleanup.add("Prisma", () => disconnectPrisma());

    const prisma = getPrisma();
    const user = await prisma.staffUser.create({ data: { email: "bench-admin@clinic.test", name: "Bench Admin", role: "ADMIN", passwordHash: "not-used" } });
    const admin: StaffMember = { id: user.id, name: user.name, email: user.email, role: "ADMIN", therapistId: null, sessionId: "00000000-0000-4000-8000-000000000000" };
    const ctx = () => ({ now: new Date(), ipAddress: "127.0.0.1" });

    const rows = makeRows();
    const file = toCsv(rows);
    log(`${ROWS} rows, ${(file.byteLength / 1024 / 1024).toFixed(2)} MB of CSV`);

    // Warm the connection pool and the query plans on a small file of other patients.
    await importPatients(admin, toCsv(makeRows().slice(0, 20).map((r) => ({ ...r, email: `warm.${r.email}` }))), ctx());
    await prisma.$executeRawUnsafe(`DELETE FROM "Patient"`);

    const baselineMs = await baselineInsert(db.url, rows);
    log(`baseline (multi-row INSERT through pg): ${Math.round(baselineMs)} ms`);
    await prisma.$executeRawUnsafe(`DELETE FROM "Patient"`);
    await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Patient"`);

    const preview = await timed(() => previewPatientImport(admin, file, ctx()));
    if (preview.value.toCreate !== ROWS || preview.value.errors.length > 0) throw new Error(`preview: ${JSON.stringify({ ...preview.value, errors: preview.value.errors.slice(0, 3) })}`);
    log(`preview: ${Math.round(preview.ms)} ms`);
    const imported = await timed(() => importPatients(admin, file, ctx()));
    if (imported.value.created !== ROWS) throw new Error(`import created ${imported.value.created} of ${ROWS}`);
    log(`import: ${Math.round(imported.ms)} ms`);
    const again = await timed(() => importPatients(admin, file, ctx()));
    if (again.value.created !== 0) throw new Error(`second import created ${again.value.created}`);
    log(`second import of the same file: ${Math.round(again.ms)} ms, nothing created`);

    const summary = {
      rows: ROWS,
      fileBytes: file.byteLength,
      baseline: { what: "the same rows by multi-row INSERT through pg, one transaction", ms: Math.round(baselineMs), rowsPerSec: perSecond(baselineMs) },
      preview: { ms: Math.round(preview.ms), rowsPerSec: perSecond(preview.ms), timesBaseline: ratio(preview.ms, baselineMs) },
      import: { ms: Math.round(imported.ms), rowsPerSec: perSecond(imported.ms), timesBaseline: ratio(imported.ms, baselineMs) },
      reimport: { ms: Math.round(again.ms), rowsPerSec: perSecond(again.ms), timesBaseline: ratio(again.ms, baselineMs), created: again.value.created },
    };
    process.stderr.write(
      [
        "",
        "phase                       rows/s   x baseline time",
        `baseline (pg INSERT)     ${String(summary.baseline.rowsPerSec).padStart(9)}   1.00`,
        `preview                  ${String(summary.preview.rowsPerSec).padStart(9)}   ${summary.preview.timesBaseline.toFixed(2)}`,
        `import                   ${String(summary.import.rowsPerSec).padStart(9)}   ${summary.import.timesBaseline.toFixed(2)}`,
        `same file again          ${String(summary.reimport.rowsPerSec).padStart(9)}   ${summary.reimport.timesBaseline.toFixed(2)}`,
        "",
      ].join("\n"),
    );
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await cleanup.run();
  }
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
});
