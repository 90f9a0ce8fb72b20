// Alternatives to offer when the requested time has just been taken.

import { compareSlots } from "./slot-order";
import type { Slot } from "./types";

/**
 * The `n` slots whose starts are closest to `target` (ties: the earlier
 * start first, then slot order), returned sorted by start.
 */
export function nearestSlots(slots: readonly Slot[], target: number, n: number): Slot[] {
  if (!(n > 0)) return [];
  return [...slots]
    .sort((a, b) => Math.abs(a.start - target) - Math.abs(b.start - target) || compareSlots(a, b))
    .slice(0, Math.floor(n))
    .sort(compareSlots);
}
