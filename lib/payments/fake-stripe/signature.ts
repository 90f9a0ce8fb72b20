// No "server-only" here: `npm start` runs the fake Stripe from scripts/serve.ts, outside Next.
import { createHmac } from "node:crypto";

/**
 * The Stripe-Signature header Stripe sends with a webhook: `t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "<t>.<body>" under the endpoint's signing secret>`,
 * the whole `whsec_…` string being the key, as stripe.webhooks.constructEvent
 * checks it.
 */
export function stripeSignatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac("sha256", secret).update(`${timestampSeconds}.${payload}`, "utf8").digest("hex");
  return `t=${timestampSeconds},v1=${signature}`;
}
