// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the
// embedded database when it is unset.
import { applyMigrations } from "../lib/db/migrate";
import { provideDatabase } from "./local-database";

const log = (line: string) => console.log(`[stride] ${line}`);
const { url, embedded } = await provideDatabase(log);
try {
  const applied = await applyMigrations(url, log);
  log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
} finally {
  await embedded?.stop();
}
