// `npm run db:seed`: writes the demo practice into an empty database.
import { disconnectPrisma, getPrisma } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { hasPractice, seedDemoPractice } from "../lib/demo/seed-demo";
import { provideDatabase } from "./local-database";

const log = (line: string) => console.log(`[stride] ${line}`);
const { url, embedded } = await provideDatabase(log);
try {
  await applyMigrations(url, log);
  if (await hasPractice(getPrisma())) log("the database already holds a practice; nothing seeded");
  else {
    await seedDemoPractice(getPrisma());
    log("demo practice seeded");
  }
} finally {
  await disconnectPrisma();
  await embedded?.stop();
}
