import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Stripe from "stripe";
import { startFakeStripe, type FakeStripe } from "@/lib/payments/fake-stripe/server";
import { startAppProcess, type AppProcess } from "./fixtures/app-process";
import { expectNoAxeViolations } from "./fixtures/axe";

const slot = Number(process.env.E2E_SLOT ?? 0);
const ports = { app: 3100 + slot * 10 + 7, pg: 55000 + slot * 10 + 7 };

test("with online payment off, Stripe's webhook is answered 404 saying what to set, and nothing is written", async ({ request }) => {
  const answer = await request.post("/api/webhooks/stripe", { data: { id: "evt_1", type: "checkout.session.completed" } });
  expect(answer.status()).toBe(404);
  expect((await answer.json()).error.message).toMatch(/STRIPE_SECRET_KEY/);
});

test.describe("a payment on the fake Stripe's hosted checkout page, told to the app by webhook", () => {
  test.describe.configure({ timeout: 180_000 });
  const keys = { secret: `sk_test_e2e${Date.now()}`, webhook: `whsec_e2e${Date.now()}` };
  const dataRoot = path.resolve(".data", `e2e-stripe-${slot}`);
  let fake: FakeStripe;
  let app: AppProcess;
  let stripe: Stripe;

  test.beforeAll(async () => {
    rmSync(dataRoot, { recursive: true, force: true });
    fake = await startFakeStripe({ secretKey: keys.secret, webhookSecret: keys.webhook, retryDelaysMs: [250] });
    app = await startAppProcess(ports.app, {
      DATABASE_URL: undefined, STRIDE_DATA_DIR: dataRoot, STRIDE_PG_PORT: String(ports.pg), STRIPE_SECRET_KEY: keys.secret, STRIPE_WEBHOOK_SECRET: keys.webhook, STRIPE_API_BASE: fake.url,
    });
    fake.setWebhookUrl(`http://127.0.0.1:${ports.app}/api/webhooks/stripe`);
    const base = new URL(fake.url);
    stripe = new Stripe(keys.secret, { host: base.hostname, port: Number(base.port), protocol: "http", maxNetworkRetries: 0 });
  });

  test.afterAll(async () => {
    await app?.stop();
    await fake?.close();
    rmSync(dataRoot, { recursive: true, force: true });
  });

  test("the patient is declined with 4000 0000 0000 0002, pays with 4242, and the app acts on each event once", async ({ page }) => {
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 4500, product_data: { name: "Initial evaluation — deposit" } } }],
      customer_email: "rosa@example.com",
      success_url: `${app.baseUrl}/en?paid={CHECKOUT_SESSION_ID}`,
      cancel_url: `${app.baseUrl}/en`,
      expires_at: Math.floor(Date.now() / 1000) + 31 * 60,
    });

    await page.goto(session.url!);
    await expect(page.getByRole("heading", { name: "Pay $45.00" })).toBeVisible();
    await expectNoAxeViolations(page, "the fake Stripe's checkout page");
    await page.getByLabel("Card number").fill("4000 0000 0000 0002");
    await page.getByRole("button", { name: "Pay $45.00" }).click();
    await expect(page.getByRole("alert")).toHaveText("Your card was declined.");
    await expectNoAxeViolations(page, "the fake Stripe's checkout page with a declined card");
    expect(fake.events()).toEqual([]);

    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: "Pay $45.00" }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/en?paid=${session.id}`);

    // The production server (request guard, CSP, body bound) took both events the first time.
    const events = fake.events();
    expect(events.map((e) => [e.event.type, e.attempts.map((a) => a.status)])).toEqual([["payment_intent.succeeded", [200]], ["checkout.session.completed", [200]]]);

    const completed = events[1]!;
    const post = (timestamp: number, secret = keys.webhook) =>
      fetch(`${app.baseUrl}/api/webhooks/stripe`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: completed.payload, secret, timestamp }) },
        body: completed.payload,
      });
    const now = Math.floor(Date.now() / 1000);
    const replay = await post(now);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, outcome: "replayed" });
    expect((await post(now - 301)).status).toBe(400);
    expect((await post(now, "whsec_forged0000000000")).status).toBe(400);
  });
});
