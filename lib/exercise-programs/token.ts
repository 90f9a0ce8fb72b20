import { createHash } from "node:crypto";

/** Only the SHA-256 of a program's link token is stored. */
export function hashProgramToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Cheap shape check before touching the database with an arbitrary path segment. */
export function looksLikeProgramToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The link stays open this long after the program's last day, for a patient finishing late. */
export const PROGRAM_LINK_GRACE_DAYS = 30;
