import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe. Only its hash is stored. */
export function createManageToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashManageToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Cheap shape check before touching the database with an arbitrary path segment. */
export function looksLikeManageToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
