// autocannon runs with every response recorded, since autocannon's own
// histogram has no p95 and leaves non-2xx latencies out.

import autocannon from "autocannon";
import { summarisePhase, type PhaseResult } from "./stats";

export interface LoadOptions {
  url: string;
  connections: number;
  /** Run for this long… */
  durationS?: number;
  /** …or until this many responses, whichever the options name. */
  amount?: number;
  /** Hard stop whatever happens, so no run can hang. */
  maxSeconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Builds each request's body; called once per request sent (and a few more, unsent). */
  nextBody?: () => string;
  /** Sees every response body, e.g. to count error codes. */
  onBody?: (status: number, body: string) => void;
}

export interface LoadResult extends PhaseResult {
  connectionErrors: number;
  timeouts: number;
}

function requestsFor(options: LoadOptions): autocannon.Request[] {
  const request: autocannon.Request = { method: options.method ?? "GET" };
  if (options.nextBody) {
    const nextBody = options.nextBody;
    request.setupRequest = (req) => ({ ...req, body: nextBody() });
  }
  if (options.onBody) {
    const onBody = options.onBody;
    request.onResponse = (status, body) => onBody(status, body);
  }
  return [request];
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const codes: number[] = [];
  const started = performance.now();
  return new Promise<LoadResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.durationS ?? 10 }),
        timeout: 30,
        method: options.method ?? "GET",
        headers: options.headers,
        requests: requestsFor(options),
      },
      (error: unknown, result: autocannon.Result) => {
        clearTimeout(guard);
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const elapsed = performance.now() - started;
        // Requests that got no answer count as status 0.
        for (let i = 0; i < result.errors; i++) codes.push(0);
        resolve({ ...summarisePhase(latencies, codes, elapsed), connectionErrors: result.errors, timeouts: result.timeouts });
      },
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
      codes.push(statusCode);
      latencies.push(responseTimeMs);
    });
    const guard = setTimeout(() => instance.stop(), options.maxSeconds * 1000);
  });
}
