// The staff calendar's week view in Chromium, signed in: how long until the
// board shows every visit of the week and answers clicks. Each run is a fresh
// tab in one browser context, so the first run has a cold cache and the rest
// a warm one, as a front desk's browser would.
//
// The link opens the week holding today: the board (calendar-board.tsx)
// replaces any other week a link asks for with the current one, so a link to
// another week would time the wrong board.

import type { Browser, BrowserContext, Cookie, Page } from "@playwright/test";
import { timeToInteractive, totalBlockingTime, type PageTrace, type Span } from "./tti";

const NAVIGATION_TIMEOUT_MS = 60_000;
const BOARD_TIMEOUT_MS = 30_000;
const IDLE_CALLBACK_TIMEOUT_MS = 5_000;
/** Lighthouse needs 5 quiet seconds after the last long task; give up on TTI past this. */
const QUIET_WAIT_MAX_MS = 20_000;
const QUIET_POLL_MS = 500;

interface Probe {
  longTasks: Span[];
  lcp: number | null;
  /** When every expected card was in the page and hydrated. */
  boardAt: number | null;
}

interface Observed extends PageTrace {
  ttfb: number;
  load: number;
  lcp: number | null;
  boardAt: number | null;
  documentBytes: number;
  documentWireBytes: number;
  longTaskSupported: boolean;
}

export interface PageRun {
  ttfbMs: number;
  fcpMs: number;
  lcpMs: number | null;
  domContentLoadedMs: number;
  loadMs: number;
  /** All of the week's cards in the page and hydrated by React, so a click on any of them is handled. */
  boardHydratedMs: number;
  /** The first idle callback after that: the board is complete and the main thread has nothing left to do. */
  timeToInteractiveMs: number;
  /**
   * Lighthouse's definition (bench/tti.ts); null when no 5 s quiet window came
   * in time. It can come before the board answers clicks: here React's
   * hydration runs in tasks under 50 ms, so no long task marks where it ends.
   */
  lighthouseTtiMs: number | null;
  totalBlockingTimeMs: number | null;
  longTasks: number;
  longestTaskMs: number;
  documentKB: number;
  documentWireKB: number;
}

type Metric = keyof PageRun;

export interface WeekPagePhase {
  path: string;
  runs: number;
  expectedCards: number;
  ttiMethod: string;
  median: Record<Metric, number | null>;
  max: Record<Metric, number | null>;
  perRun: PageRun[];
}

// Runs in each tab before any of the page's scripts, so nothing is missed.
function installProbe(expectedCards: number): void {
  const probe: Probe = { longTasks: [], lcp: null, boardAt: null };
  (window as unknown as { __benchProbe: Probe }).__benchProbe = probe;
  if (PerformanceObserver.supportedEntryTypes.includes("longtask")) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: "longtask", buffered: true });
  }
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1);
    if (last) probe.lcp = last.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  // The server renders the cards into the HTML before any script runs; they
  // only answer clicks once React has hydrated them and attached its props.
  const hydrated = (el: Element | undefined) => !!el && Object.keys(el).some((k) => k.startsWith("__reactProps$"));
  const check = () => {
    const cards = document.querySelectorAll("[data-appointment-id]");
    if (cards.length === expectedCards && hydrated(cards[0]) && hydrated(cards[cards.length - 1])) {
      probe.boardAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

function readObserved(page: Page): Promise<Observed> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __benchProbe: Probe }).__benchProbe;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const resources = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      // Lighthouse leaves failed requests out of its network quiet periods.
      .filter((r) => !(r.responseStatus >= 400))
      .map((r) => ({ start: r.startTime, end: r.responseEnd }));
    return {
      fcp,
      domContentLoaded: nav.domContentLoadedEventEnd,
      longTasks: [...probe.longTasks].sort((a, b) => a.start - b.start),
      requests: [{ start: nav.startTime, end: nav.responseEnd }, ...resources],
      observedUntil: performance.now(),
      ttfb: nav.responseStart,
      load: nav.loadEventEnd,
      lcp: probe.lcp,
      boardAt: probe.boardAt,
      documentBytes: nav.decodedBodySize,
      documentWireBytes: nav.encodedBodySize,
      longTaskSupported: PerformanceObserver.supportedEntryTypes.includes("longtask"),
    };
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const round = (n: number) => Math.round(n);
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

async function describeBoard(page: Page): Promise<string> {
  const cards = await page.locator("[data-appointment-id]").count();
  const heading = await page.locator("h1 + p").first().textContent({ timeout: 1_000 }).catch(() => null);
  return `${cards} cards on the page; it says "${heading ?? "(no heading)"}" at ${page.url()}`;
}

async function measureOnce(context: BrowserContext, url: string, expectedIds: Set<string>): Promise<PageRun> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "load", timeout: NAVIGATION_TIMEOUT_MS });
    try {
      await page.waitForFunction(() => (window as unknown as { __benchProbe: Probe }).__benchProbe.boardAt !== null, undefined, {
        timeout: BOARD_TIMEOUT_MS,
        polling: 100,
      });
    } catch {
      throw new Error(`The week board never showed its ${expectedIds.size} visits: ${await describeBoard(page)}`);
    }
    const idleAt = await page.evaluate(
      (timeout) => new Promise<number>((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout })),
      IDLE_CALLBACK_TIMEOUT_MS,
    );

    // TTI needs a quiet window that has been seen to its end.
    const deadline = Date.now() + QUIET_WAIT_MAX_MS;
    let observed = await readObserved(page);
    let tti = timeToInteractive(observed);
    while (tti === null && observed.longTaskSupported && Date.now() < deadline) {
      await sleep(QUIET_POLL_MS);
      observed = await readObserved(page);
      tti = timeToInteractive(observed);
    }
    if (!observed.longTaskSupported) tti = null;

    const shown = await page.locator("[data-appointment-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-appointment-id") ?? ""));
    const missing = [...expectedIds].filter((id) => !shown.includes(id)).length;
    if (missing > 0 || shown.length !== expectedIds.size) {
      throw new Error(`The board shows other visits than the API: ${missing} of ${expectedIds.size} missing, ${shown.length} shown`);
    }

    const durations = observed.longTasks.map((t) => t.end - t.start);
    if (observed.boardAt === null) throw new Error("The board's hydration time went missing");
    return {
      ttfbMs: round(observed.ttfb),
      fcpMs: round(observed.fcp),
      lcpMs: observed.lcp === null ? null : round(observed.lcp),
      domContentLoadedMs: round(observed.domContentLoaded),
      loadMs: round(observed.load),
      boardHydratedMs: round(observed.boardAt),
      timeToInteractiveMs: round(idleAt),
      lighthouseTtiMs: tti === null ? null : round(tti),
      totalBlockingTimeMs: tti === null ? null : round(totalBlockingTime(observed.longTasks, observed.fcp, tti)),
      longTasks: observed.longTasks.length,
      longestTaskMs: round(Math.max(0, ...durations)),
      documentKB: kb(observed.documentBytes),
      documentWireKB: kb(observed.documentWireBytes),
    };
  } finally {
    await page.close();
  }
}

function aggregate(runs: PageRun[], pick: (values: number[]) => number): Record<Metric, number | null> {
  const keys = Object.keys(runs[0]!) as Metric[];
  return Object.fromEntries(
    keys.map((key) => {
      const values = runs.map((r) => r[key]).filter((v): v is number => v !== null);
      return [key, values.length === runs.length ? pick(values) : null];
    }),
  ) as Record<Metric, number | null>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

export async function measureWeekPage(
  browser: Browser,
  baseUrl: string,
  path: string,
  cookies: Cookie[],
  expectedIds: Set<string>,
  runs: number,
  log: (line: string) => void,
): Promise<WeekPagePhase> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    await context.addCookies(cookies);
    // tsx compiles with esbuild's keepNames, which wraps named inner functions
    // in __name(); functions sent to the page need it defined there too.
    await context.addInitScript({ content: "globalThis.__name = (target) => target;" });
    await context.addInitScript(installProbe, expectedIds.size);
    const results: PageRun[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await measureOnce(context, baseUrl + path, expectedIds);
      log(`staff week page run ${i + 1}/${runs}: interactive ${run.timeToInteractiveMs} ms (hydrated ${run.boardHydratedMs} ms), Lighthouse TTI ${run.lighthouseTtiMs ?? "n/a"} ms, LCP ${run.lcpMs ?? "n/a"} ms`);
      results.push(run);
    }
    return {
      path,
      runs,
      expectedCards: expectedIds.size,
      ttiMethod:
        "timeToInteractiveMs: navigation start to the first idle callback after all of the week's cards are in the page and hydrated by React. " +
        "lighthouseTtiMs: Lighthouse's TTI, observed and unthrottled: the start of the first 5 s after FCP with no long task (Long Tasks API) and at most 2 requests in flight (Resource Timing), not before DOMContentLoaded.",
      median: aggregate(results, median),
      max: aggregate(results, (values) => Math.max(...values)),
      perRun: results,
    };
  } finally {
    await context.close();
  }
}
