// Every phase as a multiple of the baseline measured in the same run. Absolute
// times move 3–4× from one shared machine to the next with the same code; a
// ratio to the cheapest request the app can answer (GET /api/health, one
// `SELECT 1`) under the same load moves far less, so the targets are set on it.

import type { PhaseResult } from "./stats";

export interface Ratios {
  /** This phase's p95 over the baseline's: 3 means three times as slow. */
  p95: number | null;
  /** This phase's requests per second over the baseline's: 0.5 means half as many. */
  throughput: number | null;
}

const ratio = (value: number, base: number) => (base > 0 ? Number((value / base).toFixed(2)) : null);

export function ratiosTo(baseline: PhaseResult, phase: PhaseResult): Ratios {
  return { p95: ratio(phase.latencyMs.p95, baseline.latencyMs.p95), throughput: ratio(phase.requestsPerSec, baseline.requestsPerSec) };
}

export function withRatios<P extends PhaseResult>(baseline: PhaseResult, phase: P): P & { ratios: Ratios } {
  return { ...phase, ratios: ratiosTo(baseline, phase) };
}

export interface RatioTarget {
  measured: number | null;
  limit: number;
  pass: boolean;
}

export function atMost(measured: number | null, limit: number): RatioTarget {
  return { measured, limit, pass: measured !== null && measured <= limit };
}

/** A fixed-width table for the log: name, absolute p95 and rate, and both ratios. */
export function ratioTable(rows: { name: string; phase: PhaseResult & { ratios: Ratios } }[]): string {
  const header = ["phase", "p95 ms", "req/s", "p95 ×base", "req/s ×base"];
  const cells = rows.map(({ name, phase }) => [
    name,
    String(phase.latencyMs.p95),
    String(phase.requestsPerSec),
    phase.ratios.p95 === null ? "-" : String(phase.ratios.p95),
    phase.ratios.throughput === null ? "-" : String(phase.ratios.throughput),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
  return [line(header), ...cells.map(line)].join("\n");
}
