import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

// A booking form sends an idempotency key so that sending it twice books once.
// The second answer must carry the same manage link as the first (a new one
// would kill the link the patient already holds), yet only the link's hash is
// stored. So the link is kept sealed under a key derived from the idempotency
// key and the exact request: only whoever holds both can open it, and the
// database alone (which keeps neither the key nor the request) cannot.

/** How long a form's key answers with its booking; after that it is refused as used. */
export const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;

const INFO = "stride booking replay v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function hashIdempotencyKey(key: string): string {
  return sha256Hex(key);
}

/** JSON with object keys sorted and undefined members left out, so equal requests hash equal. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The hash of a parsed booking request, without its idempotency key. */
export function hashBookingBody(input: { idempotencyKey?: string } & Record<string, unknown>): string {
  return sha256Hex(canonicalJson({ ...input, idempotencyKey: undefined }));
}

function sealingKey(idempotencyKey: string, bodyHash: string): Buffer {
  return Buffer.from(hkdfSync("sha256", idempotencyKey, bodyHash, INFO, 32));
}

/** AES-256-GCM: iv ‖ tag ‖ ciphertext, base64url. */
export function sealManageToken(token: string, idempotencyKey: string, bodyHash: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(idempotencyKey, bodyHash), iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The sealed token, or null when the key or the request differ (GCM's tag refuses them). */
export function openManageToken(sealed: string, idempotencyKey: string, bodyHash: string): string | null {
  const raw = Buffer.from(sealed, "base64url");
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(idempotencyKey, bodyHash), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
