import { hostname } from "node:os";
import pino, { type Logger } from "pino";
import { z } from "zod";

// Read here rather than through lib/env: logging an error must not depend on the rest of the configuration being valid.
const levelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent." }).default("info");

// One JSON logger per process, shared by the server script and the route
// bundles Next.js loads separately (hence globalThis, not a module variable).
const globalForLog = globalThis as unknown as { strideLogger?: Logger };

/**
 * An error as the log writes it: pino's own form, less the database client
 * that pg's pool attaches to a connection's error (its connection settings,
 * its backend cancel key and every statement it prepared, on one line).
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized: Record<string, unknown> = { ...pino.stdSerializers.err(error) };
  delete serialized.client;
  return serialized;
}

export function getLogger(): Logger {
  globalForLog.strideLogger ??= pino({
    level: levelSchema.parse(process.env.LOG_LEVEL),
    // pid and host tell instances apart when several write to one log.
    base: { service: "stride", pid: process.pid, host: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
  });
  return globalForLog.strideLogger;
}
