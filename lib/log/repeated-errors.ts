/**
 * Collapses repeated identical errors: the first of a kind is written in full
 * (with its stack), later ones within the window are only counted, and one line
 * per kind reports the count when the window closes. When the database is down
 * every request fails the same way; this keeps that to a line or two per
 * window instead of a stack per request.
 */
export interface ErrorReport {
  /** What failed, the same for every repetition wherever it happens. */
  key: string;
  error: unknown;
  /** Where it happened first. */
  where: string;
  /** The request that met it first, to find in the request log. */
  reqId?: string;
}

export interface RepeatSummary {
  key: string;
  /** Every place it happened in the window, first first. */
  where: string[];
  /** Occurrences after the first one written in full. */
  repeated: number;
  windowMs: number;
}

interface Options {
  windowMs: number;
  writeFirst: (report: ErrorReport) => void;
  writeRepeats: (summary: RepeatSummary) => void;
}

export interface RepeatedErrors {
  report: (error: unknown, where: string, reqId?: string) => void;
  /** Writes the pending counts now (shutdown). */
  flush: () => void;
}

/**
 * Name, code and message; identical failures share it even when their stacks
 * differ, and a database outage met by every route is one error, not one per route.
 */
export function errorKey(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${error.message}`;
  }
  return String(error);
}

export function createRepeatedErrors({ windowMs, writeFirst, writeRepeats }: Options): RepeatedErrors {
  const seen = new Map<string, { where: Set<string>; repeated: number }>();
  let timer: NodeJS.Timeout | null = null;

  const closeWindow = () => {
    for (const [key, entry] of seen) {
      if (entry.repeated > 0) writeRepeats({ key, where: [...entry.where], repeated: entry.repeated, windowMs });
    }
    seen.clear();
    if (timer) clearTimeout(timer);
    timer = null;
  };

  return {
    report(error, where, reqId) {
      const key = errorKey(error);
      const entry = seen.get(key);
      if (entry) {
        entry.repeated += 1;
        // A bounded list: the places are the app's routes, not anything a client names.
        if (entry.where.size < 20) entry.where.add(where);
        return;
      }
      seen.set(key, { where: new Set([where]), repeated: 0 });
      writeFirst({ key, error, where, reqId });
      if (!timer) {
        timer = setTimeout(closeWindow, windowMs);
        timer.unref();
      }
    },
    flush: closeWindow,
  };
}
