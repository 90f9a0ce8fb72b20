// Latency and status summaries shared by every load phase.

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface StatusSummary {
  "2xx": number;
  /** 304 Not Modified and other redirections; the unchanged board's poll answers these. */
  "3xx": number;
  "409": number;
  /** 4xx other than 409. */
  "4xx": number;
  "5xx": number;
  /** Any other status, or no response at all (connection error, timeout). */
  other: number;
  byCode: Record<string, number>;
}

export interface PhaseResult {
  requests: number;
  durationS: number;
  requestsPerSec: number;
  latencyMs: LatencySummary;
  status: StatusSummary;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summariseLatency(latenciesMs: number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}

/** Status codes as counted per response; 0 stands for "no response". */
export function summariseStatuses(codes: number[]): StatusSummary {
  const summary: StatusSummary = { "2xx": 0, "3xx": 0, "409": 0, "4xx": 0, "5xx": 0, other: 0, byCode: {} };
  for (const code of codes) {
    summary.byCode[String(code)] = (summary.byCode[String(code)] ?? 0) + 1;
    if (code >= 200 && code < 300) summary["2xx"]++;
    else if (code >= 300 && code < 400) summary["3xx"]++;
    else if (code === 409) summary["409"]++;
    else if (code >= 400 && code < 500) summary["4xx"]++;
    else if (code >= 500 && code < 600) summary["5xx"]++;
    else summary.other++;
  }
  return summary;
}

export function summarisePhase(latenciesMs: number[], codes: number[], durationMs: number): PhaseResult {
  return {
    requests: codes.length,
    durationS: round(durationMs / 1000, 2),
    requestsPerSec: round(codes.length / (durationMs / 1000)),
    latencyMs: summariseLatency(latenciesMs),
    status: summariseStatuses(codes),
  };
}

/** Counts of the API error codes seen in response bodies (e.g. SLOT_TAKEN). */
export function countErrorCodes(bodies: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const body of bodies) {
    const code = errorCodeOf(body);
    if (code) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

function errorCodeOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && "error" in parsed) {
      const error = (parsed as { error: unknown }).error;
      if (error && typeof error === "object" && "code" in error) return String((error as { code: unknown }).code);
    }
  } catch {
    return "UNPARSEABLE_BODY";
  }
  return null;
}
