// `npm start`: one command from a fresh clone to a running demo clinic.
// Provides PostgreSQL (embedded unless DATABASE_URL is set), applies
// migrations, seeds the demo practice into an empty embedded database, builds
// the app when the build is missing or stale, then runs Next.js.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../lib/db/migrate";
import { disconnectPrisma, getPrisma } from "../lib/db/client";
import { hasPractice, seedDemoPractice } from "../lib/db/seed-demo";
import { provideDatabase } from "./local-database";

const log = (line: string) => console.log(`[stride] ${line}`);
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const root = path.resolve(import.meta.dirname, "..");

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(full)) {
    if (child === "node_modules" || child === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "lib", "next.config.js", "package.json", "postcss.config.mjs"].some((e) => newestMtime(e) > built);
}

async function main() {
  const { url, embedded } = await provideDatabase(log);
  let stopping = false;
  const stopDatabase = async () => {
    if (embedded) await embedded.stop().catch(() => {});
  };

  try {
    await applyMigrations(url, log);
    const seed = process.env.STRIDE_SEED ?? (embedded ? "demo" : "none");
    if (seed === "demo" && !(await hasPractice(getPrisma()))) {
      log("seeding the demo practice");
      await seedDemoPractice(getPrisma());
    }
    await disconnectPrisma();

    if (!dev && buildIsStale()) {
      log("building the app (first start or changed sources)");
      const built = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
        stdio: "inherit",
        cwd: root,
      });
      if (built.status !== 0) throw new Error("next build failed");
    }
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const next = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), dev ? "dev" : "start", "-p", port], {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
  });
  log(`serving on http://localhost:${port}`);

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    next.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  next.on("exit", async (code) => {
    await stopDatabase();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(`[stride] ${(error as Error).message}`);
  process.exit(1);
});
