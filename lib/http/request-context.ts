
/** The clock and the caller's address, for every write that is audited or rate-limited. */
export interface RequestContext {
  now: Date;
  ipAddress: string | null;
}
import { getEnv } from "../env";
import { consumeRateLimit } from "../rate-limit/mutations";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

/** The clock and the caller's address for one request (the address is stamped by scripts/serve.ts). */
export function requestContext(request: Request): RequestContext {
  return { now: new Date(), ipAddress: request.headers.get(CLIENT_ADDRESS_HEADER) };
}

/** Booking writes share one budget per client address, across all app instances. */
export async function limitBookingWrites(ctx: RequestContext): Promise<void> {
  const env = getEnv();
  await consumeRateLimit(`booking-write:${ctx.ipAddress ?? "unknown"}`, env.RATE_LIMIT_BOOKINGS_MAX, env.RATE_LIMIT_BOOKINGS_WINDOW_SECONDS, ctx.now);
}
