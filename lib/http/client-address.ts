/** Set by Stride's server on every request; anything a client sends under this name is dropped. */
export const CLIENT_ADDRESS_HEADER = "x-stride-client-address";

/**
 * The client's address as seen through `trustedHops` reverse proxies. With no
 * trusted proxy the socket peer is the client, whatever X-Forwarded-For says;
 * with N trusted proxies, the Nth address from the right of the chain is.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trustedHops: number): string {
  const chain = [
    ...(trustedHops > 0 && forwardedFor ? forwardedFor.split(",").map((s) => s.trim()).filter(Boolean) : []),
    socketAddress ?? "unknown",
  ];
  const index = Math.max(0, chain.length - 1 - trustedHops);
  return normalise(chain[index] ?? "unknown");
}

function normalise(address: string): string {
  // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d.
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}
