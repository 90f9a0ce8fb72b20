// Time to Interactive and Total Blocking Time as Lighthouse computes them
// (lighthouse-core/computed/metrics/interactive.js, total-blocking-time.js),
// from what a page can observe about itself: long tasks from the Long Tasks
// API and request spans from Resource Timing. Lighthouse reads the same
// things from a trace, so the figures compare, except that it throttles CPU
// and network by default and this does not.
//
// TTI is the start of the first window of at least 5 s after First
// Contentful Paint with no long task (over 50 ms) and at most two requests in
// flight, and never earlier than FCP or DOMContentLoaded. All times are ms
// after navigation start.

export interface Span {
  start: number;
  end: number;
}

export interface PageTrace {
  fcp: number;
  domContentLoaded: number;
  /** Long tasks in start order. */
  longTasks: Span[];
  /** Finished GET requests that did not fail, the document included (Lighthouse ignores the rest). */
  requests: Span[];
  /** When observation stopped: an open quiet period ends here. */
  observedUntil: number;
}

const QUIET_WINDOW_MS = 5_000;
const ALLOWED_CONCURRENT_REQUESTS = 2;
const BLOCKING_THRESHOLD_MS = 50;

function cpuQuietPeriods(longTasks: Span[], end: number): Span[] {
  if (longTasks.length === 0) return [{ start: 0, end }];
  const periods: Span[] = [{ start: 0, end: longTasks[0]!.start }];
  longTasks.forEach((task, i) => periods.push({ start: task.end, end: longTasks[i + 1]?.start ?? end }));
  return periods;
}

// Mirrors Lighthouse, quirks included: the time before the first request
// that takes the count past two is not a quiet period.
function networkQuietPeriods(requests: Span[], end: number): Span[] {
  const boundaries = requests.flatMap((r) => [
    { time: r.start, isStart: true },
    { time: r.end, isStart: false },
  ]);
  boundaries.sort((a, b) => a.time - b.time);
  const periods: Span[] = [];
  let inFlight = 0;
  let quietStart = 0;
  for (const b of boundaries) {
    if (b.isStart) {
      if (inFlight === ALLOWED_CONCURRENT_REQUESTS) periods.push({ start: quietStart, end: b.time });
      inFlight++;
    } else {
      inFlight--;
      if (inFlight === ALLOWED_CONCURRENT_REQUESTS) quietStart = b.time;
    }
  }
  if (inFlight <= ALLOWED_CONCURRENT_REQUESTS) periods.push({ start: quietStart, end });
  return periods;
}

/** Lighthouse's TTI, or null when no quiet window was observed. */
export function timeToInteractive(trace: PageTrace): number | null {
  const longEnough = (p: Span) => p.end > trace.fcp + QUIET_WINDOW_MS && p.end - p.start >= QUIET_WINDOW_MS;
  const cpu = cpuQuietPeriods(trace.longTasks, trace.observedUntil).filter(longEnough);
  const network = networkQuietPeriods(trace.requests, trace.observedUntil).filter(longEnough);
  let c = 0;
  let n = 0;
  while (c < cpu.length && n < network.length) {
    const cpuPeriod = cpu[c]!;
    const networkPeriod = network[n]!;
    if (cpuPeriod.start >= networkPeriod.start) {
      if (networkPeriod.end >= cpuPeriod.start + QUIET_WINDOW_MS) return Math.max(cpuPeriod.start, trace.fcp, trace.domContentLoaded);
      n++;
    } else {
      if (cpuPeriod.end >= networkPeriod.start + QUIET_WINDOW_MS) return Math.max(cpuPeriod.start, trace.fcp, trace.domContentLoaded);
      c++;
    }
  }
  return null;
}

/** Time the main thread was blocked between FCP and TTI: each long task's time past 50 ms. */
export function totalBlockingTime(longTasks: Span[], fcp: number, tti: number): number {
  let total = 0;
  for (const task of longTasks) {
    const duration = Math.min(task.end, tti) - Math.max(task.start, fcp);
    if (duration > BLOCKING_THRESHOLD_MS) total += duration - BLOCKING_THRESHOLD_MS;
  }
  return total;
}
