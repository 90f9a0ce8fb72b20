// Whether this instance should be sent traffic. The server script flips it
// when it starts draining or loses its database; /api/ready reads it. Kept on
// globalThis because Next.js loads route bundles apart from the server script.
const globalForState = globalThis as unknown as { strideNotReady?: string | null };

/** Why this instance should get no new traffic, or null when it may. */
export function notReadyReason(): string | null {
  return globalForState.strideNotReady ?? null;
}

export function markNotReady(reason: string): void {
  globalForState.strideNotReady ??= reason;
}
