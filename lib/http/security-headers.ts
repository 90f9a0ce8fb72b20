import { randomBytes } from "node:crypto";

/** A fresh nonce per response: a script in a page runs only if the server wrote this value on it. */
export function newNonce(): string {
  return randomBytes(18).toString("base64");
}

/**
 * The policy for every response. Next.js reads the nonce from the request's
 * copy of this header and puts it on its own scripts; 'strict-dynamic' lets
 * those scripts load the app's chunks. The video room needs its camera and
 * the other side's stream (mediastream:, blob:) and talks only to this
 * origin (WebRTC media is outside connect-src). React's style attributes
 * (the calendar's positions) need style-src-attr; no inline <style> does.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // The development server injects styles as it compiles them (a nonce would switch 'unsafe-inline' off).
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob: mediastream:",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const VIDEO_PAGE = /^\/(?:(?:[a-z]{2}\/)?visit|staff\/visit)\//;

/**
 * Camera, microphone and screen sharing only where a video visit happens; the
 * policy holds for the whole life of a document, so links into the room are
 * full page loads.
 */
export function permissionsPolicy(pathname: string): string {
  const media = VIDEO_PAGE.test(pathname) ? "(self)" : "()";
  return [
    `camera=${media}`,
    `microphone=${media}`,
    `display-capture=${media}`,
    "geolocation=()",
    "payment=()",
    "usb=()",
  ].join(", ");
}

/**
 * Browsers must keep to https only when they reached us over https: that is
 * known only from a proxy we trust (the X-Forwarded-Proto the nearest trusted
 * proxy saw), never from the client, and plain-http local use must not be
 * pinned to https.
 */
export function strictTransportSecurity(trustedHops: number, forwardedProto: string | undefined): string | null {
  if (trustedHops === 0 || !forwardedProto) return null;
  const chain = forwardedProto.split(",").map((s) => s.trim().toLowerCase());
  const seen = chain[Math.max(0, chain.length - trustedHops)];
  return seen === "https" ? "max-age=63072000; includeSubDomains" : null;
}
