import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "../audit/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { queueMessage } from "../messages/mutations";
import { recordHit } from "../rate-limit/mutations";
import { findVisitsForAddress } from "./data";
import { BOOKING_LOOKUP_ANSWER, bookingLookupSchema, type BookingLookupAnswer, type BookingLookupInput } from "./schema";

const HOUR_SECONDS = 3600;
/** Asking from one connection: enough for a family sharing it, not for trying addresses. */
export const LOOKUPS_PER_ADDRESS_PER_HOUR = 20;
/** Asking for one email address: a patient who lost the message twice, not an inbox flooded by a stranger. */
export const LOOKUPS_PER_EMAIL_PER_HOUR = 5;
/** Clicks within this window send one message. */
const DEDUPE_WINDOW_MS = 10 * 60_000;

/** The address as a key that does not store it: the rate limit and the dedupe key outlive the request. */
const emailKey = (email: string) => createHash("sha256").update(email.toLowerCase()).digest("base64url");

async function limit(key: string, max: number, now: Date): Promise<void> {
  const { count, retryAfterSeconds } = await recordHit(key, HOUR_SECONDS, now);
  if (count > max) {
    throw new AppError("RATE_LIMITED", `Too many requests to find a booking. Please try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
  }
}

/**
 * "Find my booking": queues one message to the address listing its upcoming
 * visits with their links, when a patient has that address. The answer is
 * the same either way, and so is the work done before it (the limits, the
 * lookup query, the audit row): only the queued row differs, and no mail
 * server is spoken to here, the worker sends. An address no patient has gets
 * nothing, so the form cannot be used to mail strangers. What the message
 * lists is read again when it is sent.
 */
export async function requestBookingLookup(input: BookingLookupInput, ctx: RequestContext): Promise<BookingLookupAnswer> {
  const { email, language } = bookingLookupSchema.parse(input);
  const key = emailKey(email);
  await limit(`booking-lookup:address:${ctx.ipAddress ?? "unknown"}`, LOOKUPS_PER_ADDRESS_PER_HOUR, ctx.now);
  await limit(`booking-lookup:email:${key}`, LOOKUPS_PER_EMAIL_PER_HOUR, ctx.now);
  await getPrisma().$transaction(async (tx) => {
    const found = await findVisitsForAddress(tx, email, ctx.now);
    const messageId = found.recipient
      ? await queueMessage(tx, {
          kind: "lookup",
          channel: "EMAIL",
          recipient: found.recipient,
          language,
          dedupeKey: `lookup:${key}:${Math.floor(ctx.now.getTime() / DEDUPE_WINDOW_MS)}`,
          sendAfter: ctx.now,
        })
      : null;
    await recordAudit(tx, {
      actor: "patient via find my booking",
      action: "booking.lookup",
      entity: "Message",
      entityId: messageId ?? "none",
      patientIds: found.patientIds,
      ipAddress: ctx.ipAddress,
      detail: { matched: found.patientIds.length > 0, visits: found.appointmentIds.length, queued: messageId !== null },
    });
  });
  return BOOKING_LOOKUP_ANSWER;
}
