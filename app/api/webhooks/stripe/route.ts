// Registers the booking's and the packages' parts of the checkout events beside the ledger's.
import "@/lib/booking/paid-checkout";
import "@/lib/packages/purchase-webhook";
import { AppError } from "@/lib/errors/app-error";
import { json, withErrors } from "@/lib/http/route";
import { paymentsConfig } from "@/lib/payments/config";
import { processStripeEvent } from "@/lib/payments/mutations";
import { readSignedStripeEvent } from "@/lib/payments/webhook";

// Stripe's webhook: what was paid, refunded or abandoned. Configure it in the
// Stripe dashboard as {PUBLIC_BASE_URL}/api/webhooks/stripe (docs/payments.md);
// its signing secret is STRIPE_WEBHOOK_SECRET. Stripe retries anything but a
// 2xx, so a replay is answered 200 and a refusal says why.
export const POST = withErrors(async (request: Request) => {
  const config = paymentsConfig();
  if (!config) throw new AppError("NOT_FOUND", "Online payment is not configured on this server: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.");
  const event = await readSignedStripeEvent(request, config.webhookSecret);
  const outcome = await processStripeEvent(event);
  return json({ received: true, outcome });
});
