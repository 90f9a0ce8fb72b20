import "server-only";
import Stripe from "stripe";
import { paymentsConfig, type PaymentsConfig } from "./config";

/** Options for the official SDK: Stripe's own API, or the address STRIPE_API_BASE names. */
export function stripeOptions(apiBase: URL | null): Stripe.StripeConfig {
  // Stride asks Stripe once and answers the patient; a slow Stripe must not hold a request for the SDK's default 80 s.
  const common: Stripe.StripeConfig = { timeout: 20_000, maxNetworkRetries: 2, appInfo: { name: "Stride" } };
  if (!apiBase) return common;
  const protocol = apiBase.protocol === "http:" ? "http" : "https";
  return {
    ...common,
    host: apiBase.hostname,
    port: apiBase.port ? Number(apiBase.port) : protocol === "http" ? 80 : 443,
    protocol,
  };
}

let cached: { config: PaymentsConfig; client: Stripe } | undefined;

/**
 * The Stripe SDK for the configured account. Throws when online payment is
 * off: callers check isOnlinePaymentOn() first and offer "pay at the clinic".
 */
export function stripeClient(): Stripe {
  const config = paymentsConfig();
  if (!config) throw new Error("Online payment is off: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to turn it on.");
  if (cached && cached.config.secretKey === config.secretKey && cached.config.apiBase?.href === config.apiBase?.href) return cached.client;
  cached = { config, client: new Stripe(config.secretKey, stripeOptions(config.apiBase)) };
  return cached.client;
}
