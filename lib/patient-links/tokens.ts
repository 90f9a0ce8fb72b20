import "server-only";
import { createHmac, hkdfSync } from "node:crypto";

// A link a message carries is derived from the message, not drawn at random:
// HMAC(key, purpose, message, subject). A send that is retried after a crash
// (the mail server took the first copy, the commit never happened) carries the
// very same links, so whichever copy the patient opens works. The key comes
// from AUTH_SECRET, which never sits in the database: the stored message ids
// and link hashes alone give no way to a working link.

let cached: { secret: string; key: Buffer } | undefined;

function linkKey(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: Stride needs it to make the links in patients' messages.");
  if (cached?.secret !== secret) cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, "stride", "patient links in messages", 32)) };
  return cached.key;
}

export type LinkTokenPurpose = "manage" | "preferences" | "attendance" | "program" | "intake";

/** 256 bits, URL-safe, 43 characters: the same shape as a booking's own manage token. */
export function messageLinkToken(messageId: string, purpose: LinkTokenPurpose, subjectId: string): string {
  return createHmac("sha256", linkKey()).update(`${purpose}\n${messageId}\n${subjectId}`).digest("base64url");
}
