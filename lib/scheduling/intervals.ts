// Half-open interval arithmetic on epoch-millisecond numbers.

import type { Interval } from "./types";

/** Half-open overlap: intervals that only touch (back-to-back) do not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Sorted, disjoint union of `intervals`. Empty or malformed intervals are
 * dropped; touching ones are joined, which leaves every half-open overlap
 * test unchanged.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => Number.isFinite(i.start) && Number.isFinite(i.end) && i.end > i.start)
    .map((i) => ({ start: i.start, end: i.end }))
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push(next);
  }
  return merged;
}

/**
 * The first interval of `merged` (output of mergeIntervals) overlapping
 * [from, until), found by binary search, or undefined when none does.
 */
export function firstOverlapping(merged: readonly Interval[], from: number, until: number): Interval | undefined {
  let lo = 0;
  let hi = merged.length;
  // Find the first interval that ends after `from`; being disjoint and
  // sorted, the intervals' ends ascend too.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (merged[mid]!.end > from) hi = mid;
    else lo = mid + 1;
  }
  const candidate = merged[lo];
  return candidate && candidate.start < until ? candidate : undefined;
}
