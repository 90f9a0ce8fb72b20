import "server-only";
import { createHash, createHmac, hkdfSync } from "node:crypto";

// A package's private code is derived from the package, not drawn at random:
// HMAC(key, package id), with the key from AUTH_SECRET, which never sits in
// the database. The message that carries the code can then be composed (and
// a failed send retried) from the package id alone, while the database keeps
// only the code's SHA-256: its rows give no way to a working code.

let cached: { secret: string; key: Buffer } | undefined;

function codeKey(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: Stride needs it to make package codes.");
  if (cached?.secret !== secret) cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, "stride", "package codes", 32)) };
  return cached.key;
}

/** 256 bits, base64url, 43 characters. */
export function packageCodeFor(packageId: string): string {
  return createHmac("sha256", codeKey()).update(`package\n${packageId}`).digest("base64url");
}

export function hashPackageCode(code: string): string {
  return createHash("sha256").update(code).digest("base64url");
}
