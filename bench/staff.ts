// The staff side: a front-desk account made straight in the bench database,
// signed in through the real sign-in form in Chromium, and the week board's
// API under load with the session cookie that sign-in set.

import { randomBytes } from "node:crypto";
import http from "node:http";
import { chromium, type Browser, type Cookie } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import type { CalendarDto } from "../lib/calendar/schema";
import type { PrismaClient } from "../lib/db/generated/client";
import { runLoad, type LoadResult } from "./load";

const SIGN_IN_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 60_000;

export const CHROMIUM_LAUNCH = {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export interface StaffAccount {
  email: string;
  password: string;
}

export async function createFrontDeskAccount(prisma: PrismaClient): Promise<StaffAccount> {
  const account = { email: "bench.frontdesk@example.com", password: randomBytes(18).toString("base64url") };
  await prisma.staffUser.create({
    data: { email: account.email, name: "Bench Front Desk", role: "FRONT_DESK", passwordHash: await hashPassword(account.password) },
  });
  return account;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** Signs in with the form, as a person would, and returns every cookie the app set. */
export async function signIn(browser: Browser, baseUrl: string, account: StaffAccount): Promise<Cookie[]> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const page = await context.newPage();
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    try {
      await page.waitForURL(/\/staff$/, { timeout: SIGN_IN_TIMEOUT_MS });
    } catch {
      const alert = await page.getByRole("alert").textContent({ timeout: 1_000 }).catch(() => null);
      throw new Error(`Sign-in as ${account.email} did not reach /staff (at ${page.url()}${alert ? `; the form says: ${alert}` : ""})`);
    }
    const cookies = await context.cookies();
    if (!cookies.some((c) => c.name.includes("session-token"))) {
      throw new Error(`Signed in, but no session cookie was set (cookies: ${cookies.map((c) => c.name).join(", ") || "none"})`);
    }
    return cookies;
  } finally {
    await context.close();
  }
}

export function cookieHeader(cookies: Cookie[]): string {
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

interface Fetched {
  status: number;
  body: Buffer;
  contentEncoding: string | null;
  etag: string | null;
}

// node:http rather than fetch: fetch decompresses, and the wire size is what a browser downloads.
function get(url: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks),
          contentEncoding: response.headers["content-encoding"] ?? null,
          etag: response.headers.etag ?? null,
        }),
      );
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on("error", reject);
  });
}

export interface WeekBoard {
  body: CalendarDto;
  bytes: number;
  /** Size as sent to a browser that accepts gzip; equals `bytes` when the app does not compress. */
  wireBytes: number;
  contentEncoding: string | null;
}

/** One authenticated read of the board; anything but 200 means the harness, not the app, is broken. */
export async function fetchWeekBoard(url: string, cookie: string): Promise<WeekBoard> {
  const plain = await get(url, { cookie });
  if (plain.status !== 200) {
    const hint = plain.status === 401 ? " The session cookie from sign-in was refused." : "";
    throw new Error(`GET ${url} answered ${plain.status}.${hint} Body: ${plain.body.toString("utf8").slice(0, 300)}`);
  }
  const compressed = await get(url, { cookie, "accept-encoding": "gzip" });
  return {
    body: JSON.parse(plain.body.toString("utf8")) as CalendarDto,
    bytes: plain.body.length,
    wireBytes: compressed.body.length,
    contentEncoding: compressed.contentEncoding,
  };
}

export interface WeekApiPhase extends LoadResult {
  path: string;
  appointments: number;
  responseKB: number;
  /** With Accept-Encoding: gzip, as a browser fetches it; autocannon sends none and reads `responseKB`. */
  wireKB: number;
  contentEncoding: string | null;
}

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

export async function measureWeekApi(
  baseUrl: string,
  path: string,
  cookie: string,
  board: WeekBoard,
  options: { connections: number; durationS: number; warmupS: number },
  log: (line: string) => void,
): Promise<WeekApiPhase> {
  log(`staff week API: ${board.body.appointments.length} visits, ${kb(board.bytes)} KB (${kb(board.wireBytes)} KB ${board.contentEncoding ?? "uncompressed"}); warming up ${options.warmupS} s`);
  const headers = { cookie };
  await runLoad({ url: baseUrl + path, headers, connections: 4, durationS: options.warmupS, maxSeconds: options.warmupS + 10 });
  log(`staff week API: measuring ${options.durationS} s with ${options.connections} connections`);
  const result = await runLoad({ url: baseUrl + path, headers, connections: options.connections, durationS: options.durationS, maxSeconds: options.durationS + 15 });
  log(`staff week API: ${result.requestsPerSec} req/s, p95 ${result.latencyMs.p95} ms, codes ${JSON.stringify(result.status.byCode)}`);
  const notOk = Object.keys(result.status.byCode).filter((code) => code !== "200");
  if (notOk.length > 0) {
    const hint = result.status.byCode["401"] ? " 401s mean the session cookie stopped working mid-run." : "";
    throw new Error(`staff week API: every answer must be 200, got ${JSON.stringify(result.status.byCode)}.${hint}`);
  }
  return {
    path,
    appointments: board.body.appointments.length,
    responseKB: kb(board.bytes),
    wireKB: kb(board.wireBytes),
    contentEncoding: board.contentEncoding,
    ...result,
  };
}

/**
 * The desk's poll of a board nobody changed: every request carries the ETag
 * of a board fetched just before, and every answer must be a bodiless 304.
 */
export async function measureUnchangedWeekApi(
  baseUrl: string,
  path: string,
  cookie: string,
  options: { connections: number; durationS: number; warmupS: number },
  log: (line: string) => void,
): Promise<LoadResult & { path: string; etag: string }> {
  const fresh = await get(baseUrl + path, { cookie });
  if (fresh.status !== 200 || !fresh.etag) throw new Error(`GET ${path} answered ${fresh.status} with ETag ${fresh.etag ?? "none"}; the board needs a 200 with an ETag`);
  const headers = { cookie, "if-none-match": fresh.etag };
  log(`staff week API, unchanged board: If-None-Match ${fresh.etag}; warming up ${options.warmupS} s`);
  await runLoad({ url: baseUrl + path, headers, connections: 4, durationS: options.warmupS, maxSeconds: options.warmupS + 10 });
  log(`staff week API, unchanged board: measuring ${options.durationS} s with ${options.connections} connections`);
  const result = await runLoad({ url: baseUrl + path, headers, connections: options.connections, durationS: options.durationS, maxSeconds: options.durationS + 15 });
  log(`staff week API, unchanged board: ${result.requestsPerSec} req/s, p95 ${result.latencyMs.p95} ms, codes ${JSON.stringify(result.status.byCode)}`);
  const notModified = Object.keys(result.status.byCode).filter((code) => code !== "304");
  if (notModified.length > 0) throw new Error(`staff week API, unchanged board: every answer must be 304, got ${JSON.stringify(result.status.byCode)}`);
  return { path, etag: fresh.etag, ...result };
}
