import Stripe from "stripe";
import { startFakeStripe, type FakeStripe } from "@/lib/payments/fake-stripe/server";
import { serveRoute, type RouteHandler } from "./route-server";

export interface StripeWebhookHarness {
  /** Where the fake Stripe delivers its events: the route, over real HTTP. */
  endpoint: string;
  fake: FakeStripe;
  /** The official SDK, pointed at the fake. */
  stripe: Stripe;
  close: () => Promise<void>;
}

/**
 * The webhook route behind the production request guard, and the fake Stripe
 * sending it events signed with `keys.webhook`; the app is pointed at the
 * fake (STRIPE_API_BASE), so what the route asks Stripe, the fake answers.
 * The keys themselves must be in the environment before the route's module
 * loads (vi.hoisted), since configuration is read once.
 */
export async function startStripeWebhook(keys: { secret: string; webhook: string }, handler: RouteHandler): Promise<StripeWebhookHarness> {
  const server = await serveRoute(handler);
  const endpoint = `${server.origin}/api/webhooks/stripe`;
  const fake = await startFakeStripe({ secretKey: keys.secret, webhookSecret: keys.webhook, webhookUrl: endpoint, retryDelaysMs: [] });
  const base = new URL(fake.url);
  process.env.STRIPE_API_BASE = fake.url;
  const stripe = new Stripe(keys.secret, { host: base.hostname, port: Number(base.port), protocol: "http", maxNetworkRetries: 0 });
  return {
    endpoint,
    fake,
    stripe,
    close: async () => {
      await fake.close();
      await server.close();
    },
  };
}
