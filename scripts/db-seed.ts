// `npm run db:seed`: writes the demo practice into an empty database.
// `npm start` runs this too, as a child process: the seed goes through the
// app's own write functions, which load only under the react-server
// condition, and the server process itself must run without it.
import { disconnectPrisma, getPrisma } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { hasPractice } from "../lib/demo/demo-practice";
import { seedDemoPractice } from "../lib/demo/seed-demo";
import { getLogger } from "../lib/log/logger";
import { provideDatabase } from "./local-database";

const logger = getLogger();
const log = (line: string) => logger.info(line);
const { url, embedded } = await provideDatabase(log);
try {
  await applyMigrations(url, log);
  if (await hasPractice(getPrisma())) log("the database already holds a practice; nothing seeded");
  else {
    const started = performance.now();
    const { videoJoinToken } = await seedDemoPractice();
    log(`demo practice seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The parent (scripts/serve.ts) prints the video link once it serves.
    process.send?.({ videoJoinToken });
  }
} finally {
  await disconnectPrisma();
  await embedded?.stop();
}
