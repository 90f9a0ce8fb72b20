// `npm start`: one command from a fresh clone to a running demo clinic.
// Provides PostgreSQL (embedded unless DATABASE_URL is set), applies
// migrations, seeds the demo practice into an empty embedded database, builds
// the app when the build is missing or stale, then runs Next.js.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../lib/db/migrate";
import { disconnectPrisma, getPrisma } from "../lib/db/client";
import { DEMO_STAFF, DEMO_STAFF_PASSWORD, hasPractice } from "../lib/demo/demo-practice";
import { getEnv, publicBaseUrl } from "../lib/env";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "../lib/http/client-address";
import { createDrain } from "../lib/http/drain";
import { guardRequest } from "../lib/http/request-guard";
import { markNotReady } from "../lib/http/serving-state";
import { collapseConsoleErrors } from "../lib/log/console-errors";
import { getLogger } from "../lib/log/logger";
import { issueSetupToken } from "../lib/setup/token";
import { logRequest } from "../lib/log/request-log";
import { flushServerErrors } from "../lib/log/server-errors";
import type { EmbeddedDatabase } from "../lib/db/embedded";
import { startMailCatcher, type MailCatcher } from "../lib/mail/catcher";
import { provideDemoStripe } from "../lib/payments/fake-stripe/demo";
import { provideDatabase } from "./local-database";

const logger = getLogger();
const log = (line: string) => logger.info(line);
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const root = path.resolve(import.meta.dirname, "..");
let showDemoSignIn = false;
/** Printed once, right after seeding: only a hash of the link is stored. */
let demoVideoLink: string | null = null;
/** While no administrator exists: the one-time link that creates the first one. */
let setupLink: string | null = null;

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
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
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
      const { videoJoinToken } = await runDemoSeed();
      if (videoJoinToken) demoVideoLink = `/visit/${videoJoinToken}`;
    }
    const setupToken = await issueSetupToken(getPrisma(), new Date());
    if (setupToken) setupLink = `${publicBaseUrl()}/setup/${setupToken}`;
    const demoStaff = await getPrisma().staffUser.count({ where: { email: { in: DEMO_STAFF.map((s) => s.email) } } });
    await disconnectPrisma();
    provideAuthSecret(Boolean(embedded));
    showDemoSignIn = demoStaff > 0;

    // STRIDE_NO_BUILD: the caller built already (npm run test:e2e) and the
    // sources may be changing under it; serve what was built.
    if (!dev && process.env.STRIDE_NO_BUILD !== "1" && buildIsStale()) {
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

  await serveNext(url, embedded, stopDatabase);
}

/**
 * Seeds in a child process (scripts/db-seed.ts, on the database this process
 * provides): the write functions it uses load only under the react-server
 * condition, which would break Next.js in this process.
 */
function runDemoSeed(): Promise<{ videoJoinToken: string | null }> {
  return new Promise((resolve, reject) => {
    let videoJoinToken: string | null = null;
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/db-seed.ts")], {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", (message: { videoJoinToken?: string }) => {
      videoJoinToken = message.videoJoinToken ?? null;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve({ videoJoinToken });
      else reject(new Error(`seeding the demo practice failed (${signal ?? `exit code ${code}`}); see the lines above`));
    });
  });
}

/**
 * next-auth signs staff cookies with AUTH_SECRET. A local demo gets one made
 * and kept under the data folder; anywhere else it must be configured.
 */
function provideAuthSecret(local: boolean) {
  if (process.env.AUTH_SECRET) return;
  if (!local) throw new Error("Set AUTH_SECRET (e.g. `openssl rand -base64 32`) before serving with your own DATABASE_URL.");
  const file = path.resolve(process.env.STRIDE_DATA_DIR ?? ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

function printDemoSignIn() {
  log(`staff sign-in: http://localhost:${port}/staff/sign-in, password "${DEMO_STAFF_PASSWORD}" for every demo account:`);
  for (const member of DEMO_STAFF) log(`  ${member.email.padEnd(28)} ${member.role.toLowerCase().replace("_", " ")}`);
  if (demoVideoLink) {
    log(`the patient's link to Dana's video visit today (shown once; the room opens 15 minutes before):`);
    log(`  http://localhost:${port}${demoVideoLink}`);
  }
}

/**
 * Runs Next.js in this process behind a plain HTTP server, so that the client
 * address the rate limiter sees comes from the socket (or from trusted
 * proxies only), never from a header the client chose.
 */
async function serveNext(url: string, embedded: EmbeddedDatabase | null, stopDatabase: () => Promise<void>) {
  process.env.DATABASE_URL = url;
  const catcher = await provideMailCatcher();
  // Before Next.js and the worker start: both read the Stripe keys it may set.
  const stripe = await provideDemoStripe(process.env, { embedded: Boolean(embedded), appPort: Number(port) });
  collapseConsoleErrors();
  const { default: next } = await import("next");
  const app = next({ dev, dir: root, port: Number(port) });
  const handle = app.getRequestHandler();
  await app.prepare();
  const { TRUST_PROXY_HOPS: hops, SHUTDOWN_DRAIN_SECONDS: drainSeconds } = getEnv();

  const server = createServer((req, res) => {
    drain.track(req, res);
    logRequest(req, res, logger, hops > 0);
    const forwarded = req.headers["x-forwarded-for"];
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(",") : forwarded, hops);
    if (hops === 0) {
      // Nothing in front of us may speak for the client.
      delete req.headers["x-forwarded-for"];
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
    }
    if (guardRequest(req, res, { trustedHops: hops, publicBaseUrl: getEnv().PUBLIC_BASE_URL, dev })) return;
    void handle(req, res);
  });
  const drain = createDrain(server);
  const worker = getEnv().STRIDE_WORKER ? superviseWorker() : null;
  server.listen(Number(port), () => {
    log(`serving on http://localhost:${port}`);
    if (catcher) log(`SMTP_URL is not set: email goes to the built-in mail catcher (${catcher.url}); read it at http://localhost:${port}/staff/outbox`);
    log(stripe.line);
    if (showDemoSignIn) printDemoSignIn();
    if (setupLink) {
      log("no administrator yet: open this one-time link within 24 hours to set up the practice (a new start prints a new one):");
      log(`  ${setupLink}`);
    }
  });

  let stopping = false;
  /** Stop taking traffic, let the requests in flight finish, then close the database. */
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    markNotReady("shutting down");
    log(`shutting down: waiting up to ${drainSeconds} s for ${drain.inFlight()} request(s) in flight`);
    const cutOff = await drain.drain(drainSeconds * 1000);
    if (cutOff > 0) logger.warn({ cutOff }, "closed requests still running after the drain timeout");
    await app.close().catch(() => {});
    await worker?.stop();
    await catcher?.close().catch(() => {});
    await stripe.fake?.close().catch(() => {});
    await disconnectPrisma().catch(() => {});
    flushServerErrors();
    await stopDatabase();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  // Exit rather than restart PostgreSQL in this process: a supervisor (systemd,
  // a container runtime) restarts the whole app, whose start-up then clears
  // what the crash left (stale pid file, surviving backends, shared memory),
  // lets PostgreSQL recover from its WAL and re-checks migrations; a restart
  // here would have to redo all of that with the pool half-broken meanwhile.
  // Until then /api/ready answers 503. An external DATABASE_URL is someone
  // else's to restart: the app stays up, not ready, and reconnects when it returns.
  embedded?.onUnexpectedExit(() => {
    markNotReady("database stopped");
    logger.fatal("the embedded PostgreSQL stopped unexpectedly; exiting so that a supervisor can restart Stride");
    void shutdown(1);
  });
}

/**
 * Without SMTP_URL, a mail catcher on loopback receives every email, so the
 * demo's messages can be read at /staff/outbox instead of going nowhere.
 */
async function provideMailCatcher(): Promise<MailCatcher | null> {
  if (getEnv().SMTP_URL) return null;
  const catcher = await startMailCatcher(getPrisma, { onError: (error) => logger.error({ err: error.message }, "mail catcher") });
  process.env.SMTP_URL = catcher.url;
  process.env.STRIDE_MAIL_CATCHER = "1";
  return catcher;
}

/**
 * The message worker runs in a child process (`npm run worker`, the same
 * program an operator can run on its own), restarted if it dies, so a crash
 * in sending mail never takes the web app down, and stopped with the app.
 */
function superviseWorker(): { stop: () => Promise<void> } {
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts: number[] = [];
  const start = () => {
    child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/worker.ts")], {
      cwd: root,
      env: process.env,
      // The IPC channel closes when this process dies however it dies, and the worker then stops too.
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("exit", (code, signal) => {
      child = null;
      if (stopping) return;
      const now = Date.now();
      restarts = [...restarts.filter((t) => now - t < 60_000), now];
      const delay = Math.min(30_000, 1_000 * 2 ** (restarts.length - 1));
      logger.error({ code, signal }, `the message worker stopped; restarting it in ${delay / 1000} s`);
      setTimeout(() => {
        if (!stopping) start();
      }, delay).unref();
    });
  };
  start();
  return {
    stop: async () => {
      stopping = true;
      const running = child;
      if (!running) return;
      const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
      running.kill("SIGTERM");
      const timer = setTimeout(() => running.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
