import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { readBoundedBody } from "./bounded-body";
import { fieldMessages } from "../errors/field-messages";
import type { ErrorDto } from "../errors/error-dto";
import { loggablePath, REQUEST_ID_HEADER } from "../log/request-log";
import { reportServerError } from "../log/server-errors";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Turns thrown AppErrors into the API's error body; anything else is a 500 that reveals nothing. */
export function withErrors<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      reportServerError(error, `${request.method} ${loggablePath(new URL(request.url).pathname)}`, request.headers.get(REQUEST_ID_HEADER) ?? undefined);
      return errorResponse(new AppError("INTERNAL", "Something went wrong on our side. Nothing was changed; please try again."));
    }
  };
}

export function errorResponse(error: AppError): NextResponse<ErrorDto> {
  const body: ErrorDto = { error: { code: error.code, message: error.message } };
  if (error.fields) body.error.fields = error.fields;
  if (error.alternatives) body.alternatives = error.alternatives;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  return NextResponse.json(body, { status: error.status, headers });
}

function summarise(fields: Record<string, string>): string {
  const messages = Object.values(fields);
  const more = messages.length > 3 ? ` (and ${messages.length - 3} more)` : "";
  return `Please check your details: ${messages.slice(0, 3).join(" ")}${more}`;
}

/** The most a JSON body may hold: every body the API takes is a few hundred bytes. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

const tooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${JSON_BODY_LIMIT_BYTES / 1024} KB; send only the fields this request takes.`);

function isJsonType(contentType: string): boolean {
  const essence = contentType.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(essence);
}

/** The body as UTF-8 text, within the JSON limit. */
async function readBoundedText(request: Request): Promise<string> {
  const bytes = await readBoundedBody(request, JSON_BODY_LIMIT_BYTES, tooLarge);
  if (!bytes) return "";
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON in UTF-8.");
  }
}

/**
 * Reads and validates a JSON body: 415 unless it is sent as JSON (a form or
 * text/plain body is what a cross-site page can send without asking), 413
 * when it is too large, 400 when it is not JSON, 422 with per-field messages
 * when it is wrong. An empty body reads as {}.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const contentType = request.headers.get("content-type");
  const notJson = () => new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON, with the header Content-Type: application/json.");
  if (contentType !== null && !isJsonType(contentType)) throw notJson();
  const text = await readBoundedText(request);
  if (text.trim() !== "" && contentType === null) throw notJson();
  let raw: unknown;
  try {
    raw = text.trim() === "" ? {} : JSON.parse(text, refuseNul);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldMessages(parsed.error);
    throw new AppError("VALIDATION_FAILED", summarise(fields), { fields });
  }
  return parsed.data;
}

const NUL_MESSAGE = "Text may not contain the NUL character (\\u0000).";

/** PostgreSQL cannot store or compare text holding NUL; it is no character anyone types, so it is refused at the edge. */
function refuseNul(key: string, value: unknown): unknown {
  if (key.includes("\u0000") || (typeof value === "string" && value.includes("\u0000"))) throw new AppError("BAD_REQUEST", NUL_MESSAGE);
  return value;
}

/** Validates a query string; 400 with per-parameter messages when it is wrong. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  for (const [key, value] of Object.entries(params)) refuseNul(key, value);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const fields = fieldMessages(parsed.error);
    throw new AppError("BAD_REQUEST", summarise(fields), { fields });
  }
  return parsed.data;
}

export function json<T>(body: T, init: { status?: number; cache?: "no-store" | "short" } = {}): NextResponse<T> {
  const cacheControl = init.cache === "short" ? "public, max-age=60" : "no-store";
  return NextResponse.json(body, { status: init.status ?? 200, headers: { "Cache-Control": cacheControl } });
}
