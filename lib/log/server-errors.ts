import { getLogger } from "./logger";
import { createRepeatedErrors, type RepeatedErrors } from "./repeated-errors";

const WINDOW_MS = 10_000;

const globalForErrors = globalThis as unknown as { strideServerErrors?: RepeatedErrors };

function serverErrors(): RepeatedErrors {
  globalForErrors.strideServerErrors ??= createRepeatedErrors({
    windowMs: WINDOW_MS,
    writeFirst: ({ error, where, reqId }) => getLogger().error({ err: error, where, reqId }, "unhandled error"),
    writeRepeats: ({ key, where, repeated, windowMs }) =>
      getLogger().error({ error: key, where, repeated, windowSeconds: windowMs / 1000 }, `unhandled error repeated ${repeated} more times`),
  });
  return globalForErrors.strideServerErrors;
}

/** Logs an unexpected server error once per kind and window, with a count of repeats. */
export function reportServerError(error: unknown, where: string, reqId?: string): void {
  serverErrors().report(error, where, reqId);
}

export function flushServerErrors(): void {
  globalForErrors.strideServerErrors?.flush();
}
