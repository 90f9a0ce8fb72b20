import { createHash } from "node:crypto";

/** Only the SHA-256 of an intake link's token is stored (as a PatientLink of purpose INTAKE). */
export function hashIntakeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Cheap shape check before touching the database with an arbitrary path segment. */
export function looksLikeIntakeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The intake link stays open this long after the visit's start as booked, for a patient filling it in late. */
export const INTAKE_LINK_DAYS_AFTER_VISIT = 7;

/** A check of pain and function is due this long after the last score. */
export const CHECK_INTERVAL_DAYS = 14;
