import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

// Path segments that follow these are bearer secrets (manage links, video
// join links, the first-run setup link): anyone holding the logged path
// could act as the patient, or make themselves the practice's administrator.
const SECRET_AFTER = new Set(["manage", "visit", "bookings", "setup"]);
const REDACTED = ":token";

/** The path without its query string (search terms, dates of birth) and with link tokens replaced. */
export function loggablePath(url: string | undefined): string {
  const pathOnly = (url ?? "/").split(/[?#]/, 1)[0]!;
  const segments = pathOnly.split("/");
  for (let i = 1; i < segments.length; i += 1) {
    if (SECRET_AFTER.has(segments[i - 1]!) && segments[i] !== "") {
      // /staff/visit/<id> holds an appointment id, not a secret, but one rule is easier to trust.
      segments[i] = REDACTED;
    }
  }
  return segments.join("/");
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * A proxy we trust may pass its own request id so that its log and ours line
 * up; a client's id is ignored, so that nobody can forge or collide with
 * another request's id in the log.
 */
export function chooseRequestId(given: string | string[] | undefined, trustProxy: boolean): string {
  const candidate = Array.isArray(given) ? given[0] : given;
  if (trustProxy && candidate && REQUEST_ID.test(candidate)) return candidate;
  return randomUUID();
}

export const REQUEST_ID_HEADER = "x-request-id";

/**
 * Gives the request an id (sent back as X-Request-Id and readable by the app
 * from the request headers) and writes one line when the response is done:
 * method, path, status, duration. No query strings, bodies, cookies or tokens.
 */
export function logRequest(req: IncomingMessage, res: ServerResponse, logger: Logger, trustProxy: boolean): string {
  const id = chooseRequestId(req.headers[REQUEST_ID_HEADER], trustProxy);
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader("X-Request-Id", id);
  const started = process.hrtime.bigint();
  res.once("close", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = { reqId: id, method: req.method, path: loggablePath(req.url), status: res.statusCode, ms: Math.round(ms * 10) / 10 };
    if (res.writableFinished) logger.info(line, "request");
    else logger.warn({ ...line, aborted: true }, "request closed before the response was sent");
  });
  return id;
}
