// `npm run admin:create -- --email owner@clinic.example --name "Olga Owner" [--practice "Riverside Physio"] [--force]`:
// creates an administrator on a server without a browser at hand and prints
// a temporary password once. Refuses when an administrator exists, unless
// --force (the way back in for a practice that lost its only administrator).
import { parseArgs } from "node:util";
import { disconnectPrisma } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { AppError } from "../lib/errors/app-error";
import { createAdmin } from "../lib/setup/mutations";
import { provideDatabase } from "./local-database";

const log = (line: string) => console.log(`[stride] ${line}`);

function usage(message: string): never {
  console.error(`${message}\nusage: npm run admin:create -- --email <email> --name <name> [--practice <practice name>] [--force]`);
  process.exit(2);
}

let options;
try {
  options = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, practice: { type: "string" }, force: { type: "boolean", default: false } },
    strict: true,
  }).values;
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
if (!options.email || !options.name) usage("--email and --name are required.");

const { url, embedded } = await provideDatabase(log);
let exitCode = 0;
try {
  await applyMigrations(url, log);
  const admin = await createAdmin({ email: options.email, name: options.name, practiceName: options.practice, force: options.force }, { now: new Date(), ipAddress: null });
  log(`administrator ${admin.email} created; temporary password (shown once; only its hash is stored):`);
  console.log(admin.temporaryPassword);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  const fields = error.fields ? Object.values(error.fields) : [];
  console.error(fields.length > 0 ? fields.join("\n") : error.message);
  exitCode = 1;
} finally {
  await disconnectPrisma();
  await embedded?.stop();
}
process.exit(exitCode);
