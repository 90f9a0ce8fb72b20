// `npm run bench:pages`: the patient's booking page on a slow phone, next to
// a static page of the app measured in the same run. Its own embedded
// PostgreSQL with the demo practice, the production build on loopback, and
// Chromium throttled through the DevTools Protocol the way Lighthouse's
// mobile profile is: 4× CPU slowdown, 1.6 Mbps down, 750 kbps up, 150 ms
// round trips. Every run is a fresh browser context, so the cache is cold, as
// on a patient's first visit.
//
// Per page it reports:
// - firstQuestionUsableMs (booking pages only): ms after navigation start of
//   the first animation frame in which the reason step's first radio button
//   is in the document, visible and enabled, and a tap on it and on
//   "Continue" cannot be lost: either React has hydrated it (its element
//   carries React's props), or it sits in a plain HTML form with a submit
//   button that the server answers without any script (GET with an action;
//   e2e/booking-before-script.spec.ts proves that path books).
// - firstQuestionHydratedMs: the frame in which React has hydrated it.
// - lcpMs: the last largest-contentful-paint entry before the page is left.
// - JavaScript transferred: compressed bytes on the wire (CDP
//   Network.loadingFinished encodedDataLength, headers included) of every
//   script response, split into the framework's own (the chunks the build
//   manifest lists as rootMainFiles and polyfillFiles: React, React DOM and
//   the Next.js client runtime, loaded by every page) and the rest (the app's
//   own chunks, and framework modules a route pulls in such as next/link).
// Ratios divide each booking figure by the static page's LCP or JavaScript.
// Progress goes to stderr; stdout carries one JSON summary, also written to
// bench/results/pages-latest.json.

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { recreateDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { startApp } from "./app-server";
import { Cleanup } from "./cleanup";
import { CHROMIUM_LAUNCH } from "./staff";
import { writeResults } from "./results";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST_DIR = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
const PG = {
  dataDir: path.join(ROOT, ".data", "bench-pages", "pg"),
  port: Number(process.env.BENCH_PG_PORT || 54336),
  database: "stride_bench_pages",
};
const APP_PORT = Number(process.env.BENCH_APP_PORT || 3230);
const RUNS = Number(process.env.BENCH_PAGES_RUNS || 5);
const STATIC_PAGE = "/en/privacy";
const BOOKING_PAGES = ["/en/book", "/es/book"];
const PAGE_TIMEOUT_MS = 60_000;
/** After the page is usable, LCP may still change (a late image or font); wait this long before reading it. */
const SETTLE_MS = 1_500;

// Lighthouse's mobile throttling ("slow 4G"), applied by DevTools rather than simulated.
const CPU_SLOWDOWN = 4;
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

const log = (line: string) => process.stderr.write(`[bench:pages] ${line}\n`);

interface Probe {
  lcp: number | null;
  usableAt: number | null;
  hydratedAt: number | null;
}

interface PageRun {
  firstQuestionUsableMs: number | null;
  firstQuestionHydratedMs: number | null;
  lcpMs: number | null;
  fcpMs: number;
  jsKB: number;
  frameworkJsKB: number;
  appJsKB: number;
  scripts: number;
  documentKB: number;
  /** API calls the page made before it was measured. */
  apiCalls: number;
}

// Runs in every document before its own scripts. Plain source, not a function
// of this file: tsx wraps named functions in a helper the page does not have.
const PROBE_SCRIPT = `
  const probe = { lcp: null, usableAt: null, hydratedAt: null };
  window.__pagesProbe = probe;
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1);
    if (last) probe.lcp = last.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  if (WATCH_QUESTION) {
    const check = () => {
      const input = document.querySelector('input[type="radio"][name="reason"]');
      if (input && !input.disabled && input.getClientRects().length > 0) {
        const hydrated = Object.keys(input).some((key) => key.startsWith("__reactProps$"));
        const form = input.form;
        const native = !!form && form.method === "get" && !!form.getAttribute("action") && !!form.querySelector('button[type="submit"]');
        if (probe.usableAt === null && (hydrated || native)) probe.usableAt = performance.now();
        if (hydrated) {
          probe.hydratedAt = performance.now();
          return;
        }
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }
`;

/** The framework's own chunks: those every page loads, as the build manifest names them. */
function frameworkChunks(): Set<string> {
  const manifestPath = path.join(DIST_DIR, "build-manifest.json");
  if (!existsSync(manifestPath)) throw new Error(`No build manifest at ${manifestPath}; build first (npm run build).`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { rootMainFiles?: string[]; polyfillFiles?: string[] };
  return new Set([...(manifest.rootMainFiles ?? []), ...(manifest.polyfillFiles ?? [])].map((file) => file.replace(/^\/?/, "/_next/")));
}

const round = (n: number) => Math.round(n);
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

async function measureOnce(browser: Browser, baseUrl: string, pagePath: string, framework: Set<string>): Promise<PageRun> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page: Page = await context.newPage();
    const watchQuestion = BOOKING_PAGES.includes(pagePath);
    await page.addInitScript({ content: PROBE_SCRIPT.replace("WATCH_QUESTION", String(watchQuestion)) });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", NETWORK);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });

    const requests = new Map<string, { url: string; type: string }>();
    const finished: { url: string; type: string; bytes: number }[] = [];
    cdp.on("Network.responseReceived", (event) => requests.set(event.requestId, { url: event.response.url, type: event.type }));
    cdp.on("Network.loadingFinished", (event) => {
      const request = requests.get(event.requestId);
      if (request) finished.push({ ...request, bytes: event.encodedDataLength });
    });

    await page.goto(pagePath, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
    if (watchQuestion) {
      try {
        await page.waitForFunction(() => (window as unknown as { __pagesProbe: Probe }).__pagesProbe.hydratedAt !== null, undefined, {
          timeout: PAGE_TIMEOUT_MS,
          polling: 100,
        });
      } catch {
        const shown = await page.locator("main").innerText({ timeout: 1_000 }).catch(() => "(no main)");
        throw new Error(`${pagePath} never offered its first question; the page shows: ${shown.slice(0, 300)}`);
      }
    }
    await page.waitForTimeout(SETTLE_MS);
    const observed = await page.evaluate(() => {
      const probe = (window as unknown as { __pagesProbe: Probe }).__pagesProbe;
      return { ...probe, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0 };
    });

    const scripts = finished.filter((r) => r.type === "Script");
    const frameworkBytes = scripts.filter((r) => framework.has(new URL(r.url).pathname)).reduce((sum, r) => sum + r.bytes, 0);
    const allBytes = scripts.reduce((sum, r) => sum + r.bytes, 0);
    // Not named `document`: tsx would rename the page functions' global `document` to keep them apart.
    const html = finished.find((r) => r.type === "Document");
    return {
      firstQuestionUsableMs: observed.usableAt === null ? null : round(observed.usableAt),
      firstQuestionHydratedMs: observed.hydratedAt === null ? null : round(observed.hydratedAt),
      lcpMs: observed.lcp === null ? null : round(observed.lcp),
      fcpMs: round(observed.fcp),
      jsKB: kb(allBytes),
      frameworkJsKB: kb(frameworkBytes),
      appJsKB: kb(allBytes - frameworkBytes),
      scripts: scripts.length,
      documentKB: kb(html?.bytes ?? 0),
      apiCalls: finished.filter((r) => new URL(r.url).pathname.startsWith("/api/")).length,
    };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type Summary = { [K in keyof PageRun]: number | null };

function summarise(runs: PageRun[]): Summary {
  const keys = Object.keys(runs[0]!) as (keyof PageRun)[];
  return Object.fromEntries(
    keys.map((key) => {
      const values = runs.map((run) => run[key]).filter((value): value is number => value !== null);
      return [key, values.length === runs.length ? Number(median(values).toFixed(1)) : null];
    }),
  ) as Summary;
}

const ratio = (value: number | null, base: number | null) => (value === null || base === null || base === 0 ? null : Number((value / base).toFixed(2)));

function table(rows: { page: string; s: Summary; usableOverStaticLcp: number | null; lcpRatio: number | null; jsRatio: number | null }[]): string {
  const header = ["page", "usable ms", "hydrated ms", "LCP ms", "JS KB", "framework KB", "app KB", "API calls", "usable ×static LCP", "LCP ×static", "JS ×static"];
  const show = (v: number | null) => (v === null ? "-" : String(v));
  const cells = rows.map((r) => [
    r.page,
    show(r.s.firstQuestionUsableMs),
    show(r.s.firstQuestionHydratedMs),
    show(r.s.lcpMs),
    show(r.s.jsKB),
    show(r.s.frameworkJsKB),
    show(r.s.appJsKB),
    show(r.s.apiCalls),
    show(r.usableOverStaticLcp),
    show(r.lcpRatio),
    show(r.jsRatio),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
  return [line(header), ...cells.map(line)].join("\n");
}

async function main() {
  const cleanup = new Cleanup(log);
  cleanup.exitOnSignals();
  try {
    const framework = frameworkChunks();
    const embedded = await startEmbeddedPostgres({ ...PG, log: undefined });
    cleanup.add("PostgreSQL", () => embedded.stop());
    await recreateDatabase(embedded.url);
    await applyMigrations(embedded.url, log);
    const app = await startApp({
      root: ROOT,
      databaseUrl: embedded.url,
      port: APP_PORT,
      readyTimeoutMs: 5 * 60_000,
      log,
      env: { AUTH_SECRET: randomBytes(32).toString("base64"), PUBLIC_BASE_URL: `http://127.0.0.1:${APP_PORT}`, LOG_LEVEL: "warn", STRIDE_SEED: "demo" },
    });
    cleanup.add("app", () => app.stop(), app.signal);
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    cleanup.add("Chromium", () => browser.close());

    const pages = [STATIC_PAGE, ...BOOKING_PAGES];
    // One unthrottled visit each, so the server's first-render costs are not measured.
    for (const pagePath of pages) {
      const response = await fetch(app.baseUrl + pagePath);
      if (!response.ok) throw new Error(`${pagePath} answered ${response.status}`);
      await response.arrayBuffer();
    }

    const results: Record<string, { median: Summary; perRun: PageRun[] }> = {};
    for (const pagePath of pages) {
      const runs: PageRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = await measureOnce(browser, app.baseUrl, pagePath, framework);
        log(`${pagePath} run ${i + 1}/${RUNS}: usable ${run.firstQuestionUsableMs ?? "-"} ms, LCP ${run.lcpMs} ms, JS ${run.jsKB} KB (framework ${run.frameworkJsKB} KB), ${run.apiCalls} API calls`);
        runs.push(run);
      }
      results[pagePath] = { median: summarise(runs), perRun: runs };
    }

    const base = results[STATIC_PAGE]!.median;
    const rows = pages.map((page) => {
      const s = results[page]!.median;
      return {
        page,
        s,
        usableOverStaticLcp: ratio(s.firstQuestionUsableMs, base.lcpMs),
        lcpRatio: ratio(s.lcpMs, base.lcpMs),
        jsRatio: ratio(s.jsKB, base.jsKB),
      };
    });
    log(`medians of ${RUNS} cold runs each (4× CPU, 1.6 Mbps, 150 ms RTT):\n${table(rows)}`);

    const summary = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      throttling: { cpuSlowdown: CPU_SLOWDOWN, downloadKbps: 1600, uploadKbps: 750, rttMs: NETWORK.latency },
      runs: RUNS,
      staticPage: STATIC_PAGE,
      pages: Object.fromEntries(
        rows.map((r) => [
          r.page,
          {
            ...results[r.page],
            ratios: { firstQuestionUsableOverStaticLcp: r.usableOverStaticLcp, lcpOverStatic: r.lcpRatio, jsOverStatic: r.jsRatio },
          },
        ]),
      ),
    };
    writeResults("pages", summary);
  } finally {
    await cleanup.run();
  }
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
