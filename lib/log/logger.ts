import { hostname } from "node:os";
import pino, { type Logger } from "pino";

// One JSON logger per process, shared by the server script and the route
// bundles Next.js loads separately (hence globalThis, not a module variable).
const globalForLog = globalThis as unknown as { strideLogger?: Logger };

export function getLogger(): Logger {
  globalForLog.strideLogger ??= pino({
    level: process.env.LOG_LEVEL ?? "info",
    // pid and host tell instances apart when several write to one log.
    base: { service: "stride", pid: process.pid, host: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
  return globalForLog.strideLogger;
}
