// Runs the production app (scripts/serve.ts) as a child process against the
// benchmark database.

import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export interface AppServer {
  baseUrl: string;
  stop: () => Promise<void>;
  /** Sends SIGTERM without waiting, for signal handlers. */
  signal: () => void;
}

interface Options {
  root: string;
  databaseUrl: string;
  port: number;
  readyTimeoutMs: number;
  log: (line: string) => void;
  /** More environment for the app, e.g. AUTH_SECRET. */
  env?: Record<string, string>;
  /** Flags for the app's node, e.g. `--cpu-prof` to profile it under the bench's load. */
  nodeArgs?: string[];
}

const POLL_MS = 500;
const STOP_GRACE_MS = 15_000;

function relay(stream: Readable | null, log: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream }).on("line", (line) => log(`[app] ${line}`));
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitUntilReady(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The app exited before answering (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    if (await answers(url)) return;
    await sleep(POLL_MS);
  }
  throw new Error(`The app did not answer ${url} within ${Math.round(timeoutMs / 1000)} s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the app the way `npm start` does (it builds first when the build is
 * stale) and resolves once GET /api/services answers.
 */
export async function startApp({ root, databaseUrl, port, readyTimeoutMs, log, env: extraEnv = {}, nodeArgs = [] }: Options): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  // Otherwise the readiness probe could be answered by someone else's server.
  if (await answers(`${baseUrl}/api/services`)) throw new Error(`Port ${port} is already serving; stop that server first.`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    STRIDE_SEED: "none",
    RATE_LIMIT_BOOKINGS_MAX: "1000000",
    NODE_ENV: "production",
    ...extraEnv,
  };
  delete env.STRIDE_RESET_DB;
  // `node --import tsx` keeps the app in one process, so SIGTERM reaches serve.ts itself.
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/serve.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  relay(child.stdout, log);
  relay(child.stderr, log);

  try {
    await waitUntilReady(child, `${baseUrl}/api/services`, readyTimeoutMs);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { baseUrl, stop: () => stopChild(child), signal: () => void child.kill("SIGTERM") };
}
