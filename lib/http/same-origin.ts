const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Writes a cross-site page could make a signed-in member of staff's browser
 * send: the staff API, the video room's API and server actions (any page
 * POST). SameSite=Lax cookies still travel between sites of one registrable
 * domain, so these must come from a page of ours. The public booking API and
 * sign-in's own routes (which carry their CSRF token) stay open to any client.
 */
export function needsSameOrigin(method: string, pathname: string): boolean {
  if (!STATE_CHANGING.has(method.toUpperCase())) return false;
  if (pathname.startsWith("/api/staff/") || pathname.startsWith("/api/video/")) return true;
  return !pathname.startsWith("/api/") && !pathname.startsWith("/_next/");
}

export interface OriginFacts {
  origin: string | undefined;
  host: string | undefined;
  /** The configured public address (PUBLIC_BASE_URL), which wins over the Host header when set. */
  publicBaseUrl: string | undefined;
}

/** Why this request's Origin is not ours, or null when it is. */
export function foreignOriginProblem({ origin, host, publicBaseUrl }: OriginFacts): string | null {
  if (!origin || origin === "null") return "This request must come from a Stride page: its Origin header is missing.";
  let sent: URL;
  try {
    sent = new URL(origin);
  } catch {
    return "This request must come from a Stride page: its Origin header is malformed.";
  }
  const ours = publicBaseUrl ? new URL(publicBaseUrl).origin === sent.origin : host !== undefined && sent.host === host.toLowerCase();
  return ours ? null : "This request must come from a Stride page: it came from another site.";
}
