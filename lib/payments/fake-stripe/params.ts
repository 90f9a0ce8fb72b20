// No "server-only" here: `npm start` runs the fake Stripe from scripts/serve.ts, outside Next.
import type { FormValue } from "./form-body";

/** An answer Stripe gives instead of the object: its HTTP status and its error body. */
export class StripeFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: { type: string; code?: string; message: string; param?: string; decline_code?: string; payment_intent?: unknown },
  ) {
    super(error.message);
  }
}

export const invalid = (message: string, param?: string, code?: string) =>
  new StripeFailure(400, { type: "invalid_request_error", message, ...(param ? { param } : {}), ...(code ? { code } : {}) });

export const missing = (param: string) => invalid(`Missing required param: ${param}.`, param, "parameter_missing");

export const noSuch = (kind: string, id: string, param = "id") => new StripeFailure(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, param });

export type Params = Record<string, FormValue>;

/** Stripe refuses a parameter it does not know, which catches a misspelt one in Stride at once. */
export function allowOnly(params: Params, allowed: readonly string[], prefix = "") {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw invalid(`Received unknown parameter: ${prefix}${key}`, `${prefix}${key}`, "parameter_unknown");
  }
}

export function text(params: Params, name: string, param = name): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(`Invalid string: ${param} must be a single value`, param);
  return value;
}

export function requiredText(params: Params, name: string, param = name): string {
  const value = text(params, name, param);
  if (value === undefined || value === "") throw missing(param);
  return value;
}

export function integer(params: Params, name: string, param = name): number | undefined {
  const value = text(params, name, param);
  if (value === undefined) return undefined;
  if (!/^-?\d{1,15}$/.test(value)) throw invalid(`Invalid integer: ${value}`, param);
  return Number(value);
}

export function boolean(params: Params, name: string): boolean | undefined {
  const value = text(params, name);
  if (value === undefined) return undefined;
  if (value !== "true" && value !== "false") throw invalid(`Invalid boolean: ${value}`, name);
  return value === "true";
}

export function oneOf<T extends string>(params: Params, name: string, values: readonly T[], param = name): T | undefined {
  const value = text(params, name, param);
  if (value === undefined) return undefined;
  if (!values.includes(value as T)) throw invalid(`Invalid ${param}: must be one of ${values.join(", ")}`, param);
  return value as T;
}

export function map(params: Params, name: string, param = name): Params | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw invalid(`Invalid object: ${param} must be a hash`, param);
  return value;
}

export function list(params: Params, name: string, param = name): FormValue[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalid(`Invalid array: ${param} must be a list`, param);
  return value.filter((v) => v !== undefined);
}

export function currency(params: Params, name: string, param = name): string | undefined {
  const value = text(params, name, param)?.toLowerCase();
  if (value === undefined) return undefined;
  if (!/^[a-z]{3}$/.test(value)) throw invalid(`Invalid currency: ${value}. Stripe currently supports these currencies: usd, cad, eur, gbp, mxn, …`, param);
  return value;
}

/** Stripe's metadata rules: up to 50 keys of at most 40 characters, values of at most 500. */
export function metadata(params: Params, name: string, param = name): Record<string, string> {
  const value = map(params, name, param) ?? {};
  const entries = Object.entries(value);
  if (entries.length > 50) throw invalid("Invalid metadata: metadata can have up to 50 keys", param);
  const result: Record<string, string> = {};
  for (const [key, v] of entries) {
    if (typeof v !== "string") throw invalid(`Invalid metadata: the value of ${key} must be a string`, `${param}[${key}]`);
    if (key.length > 40) throw invalid(`Invalid metadata: keys can be up to 40 characters long`, `${param}[${key}]`);
    if (v.length > 500) throw invalid(`Invalid metadata: values can be up to 500 characters long`, `${param}[${key}]`);
    // An empty value removes the key, as on Stripe.
    if (v !== "") result[key] = v;
  }
  return result;
}
