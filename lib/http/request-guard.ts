import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorDto } from "../errors/error-dto";
import { foreignOriginProblem, needsSameOrigin } from "./same-origin";
import { contentSecurityPolicy, newNonce, permissionsPolicy, strictTransportSecurity } from "./security-headers";

/**
 * The most any request may send, whatever route it is for: the API's own
 * limit is 64 KB and server actions' 768 KB (next.config.js); this bound also
 * covers code that reads bodies on its own (sign-in) and bodies sent chunked.
 */
export const SERVER_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Importing a patient file is the one request that carries more; its route
 * reads the body with the same bound (lib/data-transfer/upload.ts).
 */
export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
const IMPORT_PATH = /^\/api\/staff\/data\/import\/[a-z-]+\/?$/;

function bodyLimitFor(method: string, pathname: string): { bytes: number; message: string } {
  if (method === "POST" && IMPORT_PATH.test(pathname)) {
    return { bytes: IMPORT_BODY_LIMIT_BYTES, message: `The file is larger than ${IMPORT_BODY_LIMIT_BYTES / 1024 / 1024} MB, the most one import takes. Split it into smaller files and import each.` };
  }
  return { bytes: SERVER_BODY_LIMIT_BYTES, message: TOO_LARGE };
}

export interface GuardOptions {
  trustedHops: number;
  publicBaseUrl: string | undefined;
  dev: boolean;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * A client that sent too large a body is usually still sending it when the
 * answer goes out; closing at once would reset the connection before it reads
 * the 413. So the rest is read and dropped (memory stays flat), up to this
 * much; past it the connection is closed.
 */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;

function refuse(res: ServerResponse, status: number, code: ErrorDto["error"]["code"], message: string, close = false) {
  const body: ErrorDto = { error: { code, message } };
  const headers: Record<string, string> = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  if (close) headers.Connection = "close";
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

const TOO_LARGE = `The request body is larger than ${SERVER_BODY_LIMIT_BYTES / 1024 / 1024} MB, more than anything Stride takes.`;

/**
 * Answers without handing the request on. Whatever body follows is read and
 * dropped up to the discard limit (so the client gets to read the answer),
 * and the connection is closed past it.
 */
function refuseUnread(req: IncomingMessage, res: ServerResponse, status: number, code: ErrorDto["error"]["code"], message: string) {
  const declared = Number(header(req, "content-length") ?? 0);
  if (declared > DISCARD_LIMIT_BYTES) {
    refuse(res, status, code, message, true);
    return;
  }
  refuse(res, status, code, message);
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
}

/**
 * Counts a body's bytes as the socket delivers them, so a chunked body (which
 * declares no length) is cut off at the limit instead of being buffered by
 * whatever reads it. Past the limit nothing more reaches the reader (not even
 * the end, so no one acts on a truncated body), the client gets 413 if no
 * answer has started, and the connection closes once the client stops sending.
 */
function countBody(req: IncomingMessage, res: ServerResponse, limit: { bytes: number; message: string }) {
  let received = 0;
  let over = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    const size = chunk === null || chunk === undefined ? 0 : (chunk as Buffer).length;
    received += size;
    if (!over && received > limit.bytes) {
      over = true;
      // The app may still try to answer after the connection is gone.
      res.on("error", () => {});
      if (!res.headersSent) refuse(res, 413, "PAYLOAD_TOO_LARGE", limit.message);
    }
    if (!over) return push(chunk, encoding);
    if (chunk === null || received > limit.bytes + DISCARD_LIMIT_BYTES) {
      if (res.writableFinished) req.socket.destroy();
      else res.once("finish", () => req.socket.destroy());
      return false;
    }
    return true;
  };
}

/** Next.js answers a path it cannot decode (`/%ff`) with a 500; it is the client's mistake. */
function decodesCleanly(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** A Host header no URL can be built from (`a b`, `[::1`, port 99999) makes Next.js's redirects throw. */
function hostIsValid(host: string | undefined): boolean {
  if (host === undefined) return true;
  try {
    // The URL drops port 80 as http's default; a proxy may still name it.
    return new URL(`http://${host}`).host === host.toLowerCase().replace(/:80$/, "");
  } catch {
    return false;
  }
}

/**
 * What every request passes before Next.js sees it: a bound on its body, the
 * same-origin rule for state-changing staff requests, and the security
 * headers of every response. Answers true when it has already answered.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse, options: GuardOptions): boolean {
  const pathname = (req.url ?? "/").split("?")[0]!;
  if (!hostIsValid(header(req, "host"))) {
    refuseUnread(req, res, 400, "BAD_REQUEST", "The Host header is malformed: it must be a host name or address, with an optional port.");
    return true;
  }
  if (!decodesCleanly(pathname)) {
    refuseUnread(req, res, 400, "BAD_REQUEST", "This address is malformed: a %-escape in it is not valid UTF-8.");
    return true;
  }
  // No Stride address or search holds NUL, and PostgreSQL cannot compare text that does.
  if (/%00/.test(req.url ?? "")) {
    refuseUnread(req, res, 400, "BAD_REQUEST", "This address holds a NUL character (%00); remove it and try again.");
    return true;
  }
  if (needsSameOrigin(req.method ?? "GET", pathname)) {
    const forwardedHost = options.trustedHops > 0 ? header(req, "x-forwarded-host")?.split(",")[0]?.trim() : undefined;
    const problem = foreignOriginProblem({ origin: header(req, "origin"), host: forwardedHost || header(req, "host"), publicBaseUrl: options.publicBaseUrl });
    if (problem) {
      refuseUnread(req, res, 403, "FORBIDDEN", problem);
      return true;
    }
  }

  const limit = bodyLimitFor(req.method ?? "GET", pathname);
  const declared = header(req, "content-length");
  if (declared !== undefined && Number(declared) > limit.bytes) {
    refuseUnread(req, res, 413, "PAYLOAD_TOO_LARGE", limit.message);
    return true;
  }
  if (header(req, "transfer-encoding") !== undefined) countBody(req, res, limit);

  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: options.dev });
  // Next.js takes the nonce for its scripts from the request's policy.
  req.headers["content-security-policy"] = policy;
  delete req.headers["content-security-policy-report-only"];
  res.setHeader("Content-Security-Policy", policy);
  res.setHeader("Permissions-Policy", permissionsPolicy(pathname));
  const hsts = strictTransportSecurity(options.trustedHops, header(req, "x-forwarded-proto"));
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  return false;
}
