// No "server-only" here: `npm start` runs the fake Stripe from scripts/serve.ts, outside Next.
import { randomBytes } from "node:crypto";
import { startFakeStripe, type FakeStripe } from "./server";

export interface DemoStripe {
  /** The fake Stripe started for the demo, or null when Stride talks to Stripe or online payment is off. */
  fake: FakeStripe | null;
  /** One line for the start-up log saying where online payment goes. */
  line: string;
}

/**
 * The demo (no Stripe keys, the embedded database) takes payments through the
 * fake Stripe on loopback, so a newcomer sees the whole pay-then-book flow
 * with nothing to sign up for. The keys it sets are random test values the
 * app and its worker (which inherit this environment) use to reach it; its
 * webhooks go to the app's own endpoint. STRIDE_FAKE_STRIPE=0 keeps online
 * payment off instead; with a real database and no keys it stays off.
 */
export async function provideDemoStripe(env: Record<string, string | undefined>, options: { embedded: boolean; appPort: number }): Promise<DemoStripe> {
  // Half a set-up is the operator's to finish (start-up names what is missing), never filled in with the fake.
  if (env.STRIPE_SECRET_KEY || env.STRIPE_WEBHOOK_SECRET) {
    return { fake: null, line: `online payment goes through Stripe${env.STRIPE_API_BASE ? ` at ${env.STRIPE_API_BASE}` : ""}; its webhook is /api/webhooks/stripe` };
  }
  const off = 'STRIPE_SECRET_KEY is not set: online payment is off and paid services read "pay at the clinic"';
  if (!options.embedded) return { fake: null, line: off };
  if (env.STRIDE_FAKE_STRIPE === "0" || env.STRIDE_FAKE_STRIPE === "false") return { fake: null, line: `${off} (STRIDE_FAKE_STRIPE=0)` };

  const port = env.STRIDE_FAKE_STRIPE_PORT ? Number(env.STRIDE_FAKE_STRIPE_PORT) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("STRIDE_FAKE_STRIPE_PORT must be a port number (1-65535), or unset for any free port.");
  const fake = await startFakeStripe({
    port,
    secretKey: `sk_test_${randomBytes(24).toString("hex")}`,
    webhookSecret: `whsec_${randomBytes(24).toString("hex")}`,
    webhookUrl: `http://127.0.0.1:${options.appPort}/api/webhooks/stripe`,
  });
  env.STRIPE_SECRET_KEY = fake.secretKey;
  env.STRIPE_WEBHOOK_SECRET = fake.webhookSecret;
  env.STRIPE_API_BASE = fake.url;
  return {
    fake,
    line: `STRIPE_SECRET_KEY is not set: online payment goes to the built-in fake Stripe (${fake.url}); nothing is charged, pay with card 4242 4242 4242 4242 on its checkout page (STRIDE_FAKE_STRIPE=0 turns online payment off)`,
  };
}
