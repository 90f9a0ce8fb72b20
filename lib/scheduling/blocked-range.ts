// The time a visit keeps its therapist from other work. The engine and the
// booking write path both derive it here so stored rows match the search.

import type { SlotQuery } from "./types";

const MINUTE_MS = 60_000;

export type BlockingParams = Pick<
  SlotQuery,
  "mode" | "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes" | "travelMinutes"
>;

export interface BlockedRange {
  /** The visit itself. */
  start: number;
  end: number;
  /** The visit widened by buffers, and by travel for HOME visits. */
  blockedFrom: number;
  blockedUntil: number;
}

export interface BlockingMargins {
  durationMs: number;
  beforeMs: number;
  afterMs: number;
}

/** Visit length and the margins kept free either side of it, in milliseconds. */
export function blockingMargins(p: BlockingParams): BlockingMargins {
  // Travel only exists when the therapist drives to the patient.
  const travel = p.mode === "HOME" ? p.travelMinutes : 0;
  return {
    durationMs: p.durationMinutes * MINUTE_MS,
    beforeMs: (p.bufferBeforeMinutes + travel) * MINUTE_MS,
    afterMs: (p.bufferAfterMinutes + travel) * MINUTE_MS,
  };
}

/** The visit [start, end) and its blocked range [start − before − travel, end + after + travel). */
export function blockedRangeFor(start: number, p: BlockingParams): BlockedRange {
  const { durationMs, beforeMs, afterMs } = blockingMargins(p);
  const end = start + durationMs;
  return { start, end, blockedFrom: start - beforeMs, blockedUntil: end + afterMs };
}
