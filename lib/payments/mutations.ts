import "server-only";
import type Stripe from "stripe";
import { getPrisma } from "../db/client";
import { stripeEventHandlers } from "./webhook";

export type StripeEventOutcome = "processed" | "replayed";

/**
 * Acts on an event exactly once. Its id is recorded in the transaction of
 * its effects: a redelivery (Stripe's retries, a replay) finds the row and
 * changes nothing, and two deliveries at once serialise on the primary key,
 * the second waiting for the first to commit and then doing nothing.
 */
export async function processStripeEvent(event: Stripe.Event): Promise<StripeEventOutcome> {
  return getPrisma().$transaction(
    async (tx) => {
      const recorded = await tx.$executeRaw`
        INSERT INTO "StripeEvent" ("id", "type", "created") VALUES (${event.id}, ${event.type}, ${new Date(event.created * 1000)})
        ON CONFLICT ("id") DO NOTHING`;
      if (recorded === 0) return "replayed";
      for (const handler of stripeEventHandlers(event.type)) await handler(tx, event);
      return "processed";
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
