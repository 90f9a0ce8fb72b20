import { createServer } from "node:http";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../env";
import { provideDemoStripe } from "./demo";

describe("provideDemoStripe", () => {
  it("runs the fake Stripe for the embedded demo and sets keys the app accepts, pointing webhooks at the app", async () => {
    // The app's stand-in: whatever posts to /api/webhooks/stripe.
    const posted: { path?: string; body: string; signature: string }[] = [];
    const app = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        posted.push({ path: req.url, body, signature: String(req.headers["stripe-signature"]) });
        res.end();
      });
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const env: Record<string, string | undefined> = {};
    const demo = await provideDemoStripe(env, { embedded: true, appPort: (app.address() as { port: number }).port });
    try {
      expect(demo.fake).not.toBeNull();
      expect(demo.line).toMatch(/built-in fake Stripe \(http:\/\/127\.0\.0\.1:\d+\)/);
      const parsed = parseEnv(env);
      expect(parsed.STRIPE_SECRET_KEY).toMatch(/^sk_test_/);
      expect(parsed.STRIPE_WEBHOOK_SECRET).toMatch(/^whsec_/);
      expect(parsed.STRIPE_API_BASE).toBe(demo.fake!.url);
      // The keys really open the fake to the SDK.
      const base = new URL(demo.fake!.url);
      const stripe = new Stripe(env.STRIPE_SECRET_KEY!, { host: base.hostname, port: Number(base.port), protocol: "http", maxNetworkRetries: 0 });
      const session = await stripe.checkout.sessions.create({ mode: "setup", currency: "usd", success_url: "http://localhost:3999/done" });
      await demo.fake!.completeSession(session.id);
      const completed = posted.find((p) => JSON.parse(p.body).type === "checkout.session.completed")!;
      expect(completed.path).toBe("/api/webhooks/stripe");
      expect(stripe.webhooks.constructEvent(completed.body, completed.signature, env.STRIPE_WEBHOOK_SECRET!).type).toBe("checkout.session.completed");
    } finally {
      await demo.fake?.close();
      await new Promise<void>((resolve) => app.close(() => resolve()));
    }
  });

  it("keeps online payment off with STRIDE_FAKE_STRIPE=0 or a real database, and leaves configured keys alone", async () => {
    for (const [env, embedded] of [[{ STRIDE_FAKE_STRIPE: "0" }, true], [{}, false]] as const) {
      const copy: Record<string, string | undefined> = { ...env };
      const demo = await provideDemoStripe(copy, { embedded, appPort: 3999 });
      expect(demo.fake).toBeNull();
      expect(demo.line).toMatch(/online payment is off/);
      expect(copy.STRIPE_SECRET_KEY).toBeUndefined();
    }
    const configured: Record<string, string | undefined> = { STRIPE_SECRET_KEY: "sk_live_abcdefgh12345678", STRIPE_WEBHOOK_SECRET: "whsec_abcdefgh12345678" };
    const demo = await provideDemoStripe(configured, { embedded: true, appPort: 3999 });
    expect(demo.fake).toBeNull();
    expect(configured.STRIPE_SECRET_KEY).toBe("sk_live_abcdefgh12345678");
    expect(demo.line).toMatch(/goes through Stripe/);
    const half: Record<string, string | undefined> = { STRIPE_WEBHOOK_SECRET: "whsec_abcdefgh12345678" };
    expect((await provideDemoStripe(half, { embedded: true, appPort: 3999 })).fake).toBeNull();
    expect(half.STRIPE_SECRET_KEY).toBeUndefined();
  });
});
