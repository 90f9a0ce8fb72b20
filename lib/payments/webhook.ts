import "server-only";
import Stripe from "stripe";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import { readBoundedBody } from "../http/bounded-body";
import { registerLedgerHandlers } from "./ledger";
import { stripeEventSchema } from "./schema";

/**
 * The most a Stripe event may weigh here: Stripe's events (one object and
 * its previous attributes) come to tens of kilobytes; the server's own cap
 * (lib/http/request-guard.ts) stops anything past a megabyte sooner.
 */
export const STRIPE_WEBHOOK_BODY_LIMIT_BYTES = 512 * 1024;

/** How old a signature may be: Stripe's own default, which refuses a delivery recorded and replayed later. */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${STRIPE_WEBHOOK_BODY_LIMIT_BYTES / 1024} KB, more than a Stripe event weighs.`);

/**
 * The event in a request Stripe signed: the raw body's Stripe-Signature
 * (HMAC-SHA256 under the endpoint's signing secret, with its timestamp) must
 * match and be at most five minutes old. Anything else is refused with 400
 * before a row is written.
 */
export async function readSignedStripeEvent(request: Request, webhookSecret: string): Promise<Stripe.Event> {
  const signature = request.headers.get("stripe-signature");
  if (!signature) throw new AppError("BAD_REQUEST", "The Stripe-Signature header is missing: only Stripe, with this endpoint's signing secret, may post here.");
  const body = Buffer.from((await readBoundedBody(request, STRIPE_WEBHOOK_BODY_LIMIT_BYTES, tooLarge)) ?? new Uint8Array());
  let event: Stripe.Event;
  try {
    // Verifying needs no account: the SDK's webhook helpers work offline with any key.
    event = Stripe.webhooks.constructEvent(body, signature, webhookSecret, STRIPE_SIGNATURE_TOLERANCE_SECONDS);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      const stale = /timestamp outside the tolerance/i.test(error.message);
      throw new AppError(
        "BAD_REQUEST",
        stale
          ? `The Stripe-Signature is more than ${STRIPE_SIGNATURE_TOLERANCE_SECONDS} seconds old: a delivery is accepted only when fresh.`
          : "The Stripe-Signature header does not match this request: only Stripe, with this endpoint's signing secret, may post here.",
      );
    }
    // Signed, yet not JSON.
    throw new AppError("BAD_REQUEST", "The request body is not a Stripe event.");
  }
  const parsed = stripeEventSchema.safeParse(event);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "The request body is not a Stripe event.", { fields: fieldMessages(parsed.error) });
  return event;
}

type Tx = Prisma.TransactionClient;

/** An effect of one event type, run inside the transaction that records the event. */
export type StripeEventHandler<T extends Stripe.Event.Type = Stripe.Event.Type> = (tx: Tx, event: Extract<Stripe.Event, { type: T }>) => Promise<void>;

export type AnyStripeEventHandler = (tx: Tx, event: Stripe.Event) => Promise<void>;
const handlers = new Map<string, { registered: unknown; run: AnyStripeEventHandler }[]>();

/**
 * Adds an effect to an event type, run after those registered before it, in
 * the same transaction as the event's record: if any effect throws, none is
 * kept and the event is not marked processed, so Stripe's retry runs them
 * all again. Register from a module the webhook route imports; registering
 * one handler twice adds it once.
 */
export function registerStripeEventHandler<T extends Stripe.Event.Type>(type: T, handler: StripeEventHandler<T>): void {
  const list = handlers.get(type) ?? [];
  if (list.some((h) => h.registered === handler)) return;
  list.push({ registered: handler, run: (tx, event) => handler(tx, event as Extract<Stripe.Event, { type: T }>) });
  handlers.set(type, list);
}

registerLedgerHandlers(registerStripeEventHandler);

/** The effects registered for an event type, in the order they run. */
export function stripeEventHandlers(type: string): readonly AnyStripeEventHandler[] {
  return (handlers.get(type) ?? []).map((h) => h.run);
}
