// `npm start`: one command from a fresh clone to a running demo clinic.
// Provides PostgreSQL (embedded unless DATABASE_URL is set), applies
// migrations, seeds the demo practice into an empty embedded database, builds
// the app when the build is missing or stale, then runs Next.js.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../lib/db/migrate";
import { disconnectPrisma, getPrisma } from "../lib/db/client";
import { hasPractice, seedDemoPractice } from "../lib/db/seed-demo";
import { getEnv } from "../lib/env";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "../lib/http/client-address";
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
  return ["app", "components", "lib", "next.config.js", "package.json", "postcss.config.mjs"].some((e) => newestMtime(e) > built);
}

async function main() {
  const { url, embedded } = await provideDatabase(log);
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

  await serveNext(url, stopDatabase);
}

/**
 * Runs Next.js in this process behind a plain HTTP server, so that the client
 * address the rate limiter sees comes from the socket (or from trusted
 * proxies only), never from a header the client chose.
 */
async function serveNext(url: string, stopDatabase: () => Promise<void>) {
  process.env.DATABASE_URL = url;
  const { default: next } = await import("next");
  const app = next({ dev, dir: root, port: Number(port) });
  const handle = app.getRequestHandler();
  await app.prepare();
  const hops = getEnv().TRUST_PROXY_HOPS;

  const server = createServer((req, res) => {
    const forwarded = req.headers["x-forwarded-for"];
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(",") : forwarded, hops);
    if (hops === 0) {
      // Nothing in front of us may speak for the client.
      delete req.headers["x-forwarded-for"];
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
    }
    void handle(req, res);
  });
  server.listen(Number(port), () => log(`serving on http://localhost:${port}`));

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    log("shutting down");
    server.close();
    server.closeAllConnections();
    void app
      .close()
      .catch(() => {})
      .then(stopDatabase)
      .then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(`[stride] ${(error as Error).message}`);
  process.exit(1);
});
