import pino, { type Logger } from "pino";

// One JSON logger per process, shared by the server script and the route
// bundles Next.js loads separately (hence globalThis, not a module variable).
const globalForLog = globalThis as unknown as { strideLogger?: Logger };

export function getLogger(): Logger {
  globalForLog.strideLogger ??= pino({
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "stride" },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
  return globalForLog.strideLogger;
}
