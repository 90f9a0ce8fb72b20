import { createServer, type Server } from "node:http";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "./server";

// The official SDK against the fake over real HTTP on loopback, and the
// fake's webhooks checked by the SDK's own constructEvent.
const SECRET_KEY = "sk_test_fake0123456789abcdef";
const WEBHOOK_SECRET = "whsec_fake0123456789abcdef";

interface Received {
  body: string;
  signature: string;
}

let fake: FakeStripe;
let stripe: Stripe;
let receiver: Server;
let received: Received[] = [];
/** Statuses the webhook receiver answers with, in turn; then 200. */
let answers: number[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["stripe-signature"]) });
      res.writeHead(answers.shift() ?? 200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  fake = await startFakeStripe({
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
    retryDelaysMs: [10, 10, 10],
  });
  const base = new URL(fake.url);
  stripe = new Stripe(SECRET_KEY, { host: base.hostname, port: Number(base.port), protocol: "http", maxNetworkRetries: 0 });
});

beforeEach(() => {
  received = [];
  answers = [];
});

afterAll(async () => {
  await fake.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const inMinutes = (minutes: number) => Math.floor(Date.now() / 1000) + minutes * 60;

function paymentSession(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 4500, product_data: { name: "Initial evaluation — deposit" } } }],
    customer_email: "rosa@example.com",
    client_reference_id: "hold-1",
    metadata: { appointmentId: "6f1c0c8e-8d7e-4a57-9a57-1c6f7d1f2a10" },
    payment_intent_data: { metadata: { appointmentId: "6f1c0c8e-8d7e-4a57-9a57-1c6f7d1f2a10" } },
    success_url: "http://localhost:3000/en/book/paid?session={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/en/book",
    expires_at: inMinutes(31),
    ...overrides,
  };
}

const eventsOfType = (type: string) => fake.events().filter((e) => e.event.type === type);

describe("fake Stripe: Checkout Sessions", () => {
  it("creates, retrieves and expires a session, and refuses to expire it twice", async () => {
    const session = await stripe.checkout.sessions.create(paymentSession());
    expect(session).toMatchObject({ object: "checkout.session", status: "open", payment_status: "unpaid", amount_total: 4500, currency: "usd", mode: "payment" });
    expect(session.url).toBe(`${fake.url}/checkout/${session.id}`);
    expect(session.id).toMatch(/^cs_test_/);

    const again = await stripe.checkout.sessions.retrieve(session.id);
    expect(again).toMatchObject({ id: session.id, client_reference_id: "hold-1", metadata: { appointmentId: "6f1c0c8e-8d7e-4a57-9a57-1c6f7d1f2a10" } });

    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe("expired");
    const failure = await stripe.checkout.sessions.expire(session.id).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await fake.idle();
    const sent = eventsOfType("checkout.session.expired").filter((e) => e.event.data.object.id === session.id);
    expect(sent).toHaveLength(1);
    expect(received.some((r) => JSON.parse(r.body).id === sent[0]!.event.id)).toBe(true);

    const unknown = await stripe.checkout.sessions.retrieve("cs_test_nothing").catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(unknown).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("answers the same key with the same body with the same session, and refuses the key with another body", async () => {
    const key = `hold-${Date.now()}`;
    const first = await stripe.checkout.sessions.create(paymentSession(), { idempotencyKey: key });
    const second = await stripe.checkout.sessions.create(paymentSession(), { idempotencyKey: key });
    expect(second.id).toBe(first.id);
    const other = await stripe.checkout.sessions.create(paymentSession({ client_reference_id: "hold-2" }), { idempotencyKey: key }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("validates as Stripe does: expiry between 30 minutes and 24 hours, one of customer and customer_email, no unknown parameter, the right key", async () => {
    for (const [expires, message] of [[inMinutes(29), /at least 30 minutes/], [inMinutes(24 * 60 + 1), /less than 24 hours/]] as const) {
      const error = await stripe.checkout.sessions.create(paymentSession({ expires_at: expires })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ param: "expires_at", message: expect.stringMatching(message) });
    }
    const customer = await stripe.customers.create({ email: "rosa@example.com" });
    await expect(stripe.checkout.sessions.create(paymentSession({ customer: customer.id }))).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "customer_email" });
    await expect(stripe.checkout.sessions.create(paymentSession({ customer_email: undefined, customer: "cus_missing" }))).rejects.toMatchObject({ code: "resource_missing", param: "customer" });
    await expect(stripe.checkout.sessions.create({ ...paymentSession(), sucess_url: "x" } as Stripe.Checkout.SessionCreateParams)).rejects.toMatchObject({ code: "parameter_unknown", param: "sucess_url" });
    await expect(stripe.checkout.sessions.create(paymentSession({ line_items: [] }))).rejects.toMatchObject({ code: "parameter_missing", param: "line_items" });

    const wrongKey = new Stripe("sk_test_someoneelse000000", { host: "127.0.0.1", port: Number(new URL(fake.url).port), protocol: "http", maxNetworkRetries: 0 });
    await expect(wrongKey.checkout.sessions.retrieve("cs_test_x")).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });
});

describe("fake Stripe: the hosted checkout page and its webhooks", () => {
  it("declines test card 0002 and stays open, then takes 4242, signs checkout.session.completed as Stripe does and sends the patient back", async () => {
    const session = await stripe.checkout.sessions.create(paymentSession());
    const page = await fetch(session.url!);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('value="4242 4242 4242 4242"');
    expect(html).toContain("$45.00");
    expect(html).toContain('href="http://localhost:3000/en/book"');
    expect(html).not.toMatch(/<script|src=|<link/);

    const declined = await fetch(session.url!, { method: "POST", body: new URLSearchParams({ card_number: "4000 0000 0000 0002" }), redirect: "manual" });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain("Your card was declined");
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    expect(received).toHaveLength(0);

    const paid = await fetch(session.url!, { method: "POST", body: new URLSearchParams({ card_number: "4242 4242 4242 4242" }), redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`http://localhost:3000/en/book/paid?session=${session.id}`);

    // Delivered before the redirect, so the practice knows when the patient returns.
    const completed = received.map((r) => ({ r, event: JSON.parse(r.body) as Stripe.Event })).find((x) => x.event.type === "checkout.session.completed")!;
    expect(completed).toBeDefined();
    const event = stripe.webhooks.constructEvent(completed.r.body, completed.r.signature, WEBHOOK_SECRET);
    const object = event.data.object as Stripe.Checkout.Session;
    expect(object).toMatchObject({ id: session.id, status: "complete", payment_status: "paid", amount_total: 4500 });
    expect(() => stripe.webhooks.constructEvent(completed.r.body.replace("4500", "4501"), completed.r.signature, WEBHOOK_SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(completed.r.body, completed.r.signature, "whsec_another000000000")).toThrow(Stripe.errors.StripeSignatureVerificationError);

    const intent = await stripe.paymentIntents.retrieve(object.payment_intent as string);
    expect(intent).toMatchObject({ status: "succeeded", amount: 4500, metadata: { appointmentId: "6f1c0c8e-8d7e-4a57-9a57-1c6f7d1f2a10" } });
    const expanded = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(expanded.payment_intent).toMatchObject({ id: intent.id, object: "payment_intent", latest_charge: expect.stringMatching(/^ch_/) });

    const again = await fetch(session.url!, { method: "POST", body: new URLSearchParams({ card_number: "4242424242424242" }), redirect: "manual" });
    expect(again.status).toBe(409);
    expect(eventsOfType("checkout.session.completed").filter((e) => e.event.data.object.id === session.id)).toHaveLength(1);
  });

  it("retries a webhook the endpoint did not take, and delivers an event again on request, stale when asked", async () => {
    answers = [500, 503];
    const session = await stripe.checkout.sessions.create(paymentSession());
    const outcome = await fake.completeSession(session.id);
    expect(outcome).toEqual({ completed: true, redirectTo: `http://localhost:3000/en/book/paid?session=${session.id}` });
    const entry = eventsOfType("checkout.session.completed").find((e) => e.event.data.object.id === session.id)!;
    // payment_intent.succeeded goes first, as on Stripe: it met the two refusals.
    const intentEvent = eventsOfType("payment_intent.succeeded").find((e) => e.event.data.object.id === entry.event.data.object.payment_intent)!;
    expect(intentEvent.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(entry.attempts.map((a) => a.status)).toEqual([200]);

    received = [];
    const stale = Math.floor(Date.now() / 1000) - 600;
    await fake.deliver(entry.event.id, { timestamp: stale });
    expect(received[0]!.body).toBe(entry.payload);
    expect(() => stripe.webhooks.constructEvent(received[0]!.body, received[0]!.signature, WEBHOOK_SECRET)).toThrow(/Timestamp outside the tolerance zone/);
    await fake.deliver(entry.event.id);
    expect(stripe.webhooks.constructEvent(received[1]!.body, received[1]!.signature, WEBHOOK_SECRET).id).toBe(entry.event.id);
  });
});

describe("fake Stripe: refunds and off-session charges", () => {
  it("refunds in part and in full, never more than remains, and sends refund.created and charge.refunded", async () => {
    const session = await stripe.checkout.sessions.create(paymentSession());
    await fake.completeSession(session.id);
    const intentId = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;

    const part = await stripe.refunds.create({ payment_intent: intentId, amount: 1500 });
    expect(part).toMatchObject({ object: "refund", amount: 1500, status: "succeeded", payment_intent: intentId });
    await expect(stripe.refunds.create({ payment_intent: intentId, amount: 3001 })).rejects.toMatchObject({ type: "StripeInvalidRequestError", code: "amount_too_large", param: "amount" });
    const rest = await stripe.refunds.create({ payment_intent: intentId });
    expect(rest.amount).toBe(3000);
    await expect(stripe.refunds.create({ payment_intent: intentId, amount: 1 })).rejects.toMatchObject({ code: "charge_already_refunded" });
    await expect(stripe.refunds.create({ payment_intent: "pi_missing" })).rejects.toMatchObject({ code: "resource_missing", param: "payment_intent" });

    await fake.idle();
    const refundEvents = eventsOfType("refund.created").filter((e) => e.event.data.object.payment_intent === intentId);
    expect(refundEvents.map((e) => e.event.data.object.amount)).toEqual([1500, 3000]);
    const charges = eventsOfType("charge.refunded").filter((e) => e.event.data.object.payment_intent === intentId);
    expect(charges.map((e) => [e.event.data.object.amount_refunded, e.event.data.object.refunded])).toEqual([[1500, false], [4500, true]]);
  });

  it("saves a card in setup mode and charges it off-session; Stripe's decline-after-attaching card raises StripeCardError", async () => {
    const customer = await stripe.customers.create({ email: "sam@example.com", name: "Sam Lee" });
    const chargeSavedCard = async (cardNumber: string) => {
      const session = await stripe.checkout.sessions.create({ mode: "setup", currency: "usd", customer: customer.id, success_url: "http://localhost:3000/done", cancel_url: "http://localhost:3000/back" });
      expect(await fake.completeSession(session.id, { cardNumber })).toMatchObject({ completed: true });
      const setupIntent = await stripe.setupIntents.retrieve((await stripe.checkout.sessions.retrieve(session.id)).setup_intent as string);
      expect(setupIntent).toMatchObject({ status: "succeeded", customer: customer.id });
      return stripe.paymentIntents.create({ customer: customer.id, payment_method: setupIntent.payment_method as string, amount: 7500, currency: "usd", off_session: true, confirm: true, metadata: { fee: "no-show" } });
    };

    const charged = await chargeSavedCard("4242424242424242");
    expect(charged).toMatchObject({ status: "succeeded", amount: 7500, amount_received: 7500 });

    const declined = await chargeSavedCard("4000000000000341").catch((e: unknown) => e);
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, code: "card_declined", decline_code: "generic_decline" });
    const failedIntent = (declined as Stripe.errors.StripeCardError).payment_intent!;
    expect((await stripe.paymentIntents.retrieve(failedIntent.id)).status).toBe("requires_payment_method");
    await fake.idle();
    expect(eventsOfType("payment_intent.payment_failed").some((e) => e.event.data.object.id === failedIntent.id)).toBe(true);
  });
});
