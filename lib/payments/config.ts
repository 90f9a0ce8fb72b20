import "server-only";
import { getEnv } from "../env";

export interface PaymentsConfig {
  secretKey: string;
  webhookSecret: string;
  /** Another address for Stripe's API (the local fake Stripe); null: Stripe's own. */
  apiBase: URL | null;
}

/**
 * Stripe's settings, or null when online payment is off: without either key
 * paid services read "pay at the clinic" and no money is taken.
 */
export function paymentsConfig(): PaymentsConfig | null {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) return null;
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    apiBase: env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null,
  };
}

export function isOnlinePaymentOn(): boolean {
  return paymentsConfig() !== null;
}
