import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import type { ErrorDto } from "../booking/api-types";
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

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

function summarise(fields: Record<string, string>): string {
  const messages = Object.values(fields);
  const more = messages.length > 3 ? ` (and ${messages.length - 3} more)` : "";
  return `Please check your details: ${messages.slice(0, 3).join(" ")}${more}`;
}

/** Reads and validates a JSON body: 400 when it is not JSON, 422 with per-field messages when it is wrong. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await request.text();
  if (text.length > 64 * 1024) throw new AppError("BAD_REQUEST", "The request body is too large.");
  let raw: unknown;
  try {
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw new AppError("VALIDATION_FAILED", summarise(fields), { fields });
  }
  return parsed.data;
}

/** Validates a query string; 400 with per-parameter messages when it is wrong. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw new AppError("BAD_REQUEST", summarise(fields), { fields });
  }
  return parsed.data;
}

export function json<T>(body: T, init: { status?: number; cache?: "no-store" | "short" } = {}): NextResponse<T> {
  const cacheControl = init.cache === "short" ? "public, max-age=60" : "no-store";
  return NextResponse.json(body, { status: init.status ?? 200, headers: { "Cache-Control": cacheControl } });
}
