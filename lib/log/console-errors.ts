import { format } from "node:util";
import { reportServerError } from "./server-errors";

/**
 * Next.js writes each failed render to console.error with its stack; when the
 * database is down that is one stack per request. Send those through the same
 * once-per-kind log as the API's errors.
 */
export function collapseConsoleErrors(): void {
  console.error = (...args: unknown[]) => {
    const error = args.find((a) => a instanceof Error);
    reportServerError(error ?? format(...args), "render");
  };
}
