import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/lib/db/client";
import type { FakeStripe, SentEvent } from "@/lib/payments/fake-stripe/server";
import { startStripeWebhook, type StripeWebhookHarness } from "@/test/stripe-webhook";

// Stripe's signed webhook over real HTTP: a Node server with the request
// guard every request passes in production, in front of the route handler;
// the events come from the fake Stripe, made by the official SDK's calls.
const KEYS = vi.hoisted(() => {
  const keys = { secret: "sk_test_webhookroute0123456789", webhook: "whsec_webhookroute0123456789" };
  process.env.STRIPE_SECRET_KEY = keys.secret;
  process.env.STRIPE_WEBHOOK_SECRET = keys.webhook;
  return keys;
});

const { POST } = await import("./route");

let harness: StripeWebhookHarness;
let endpoint: string;
let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  harness = await startStripeWebhook(KEYS, POST);
  ({ endpoint, fake, stripe } = harness);
});

beforeEach(() => {
  fake.setWebhookUrl(endpoint);
});

afterAll(() => harness.close());

const now = () => Math.floor(Date.now() / 1000);

/** Posts a body as Stripe does, signed now (or at `timestamp`) with the endpoint's secret (or another). */
function post(payload: string, options: { timestamp?: number; secret?: string; signature?: string | null; headers?: Record<string, string> } = {}) {
  const signature = options.signature === undefined
    ? Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? KEYS.webhook, timestamp: options.timestamp ?? now() })
    : options.signature;
  return fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", ...(signature === null ? {} : { "stripe-signature": signature }), ...options.headers },
    body: payload,
  });
}

/** A paid checkout for a visit whose events were made but not delivered: the test delivers them. */
async function paidCheckoutHeld(options: { amount?: number } = {}) {
  const appointmentId = randomUUID();
  fake.setWebhookUrl(null);
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: options.amount ?? 4500, product_data: { name: "Therapy visit" } } }],
    customer_email: "rosa@example.com",
    metadata: { appointmentId },
    payment_intent_data: { metadata: { appointmentId } },
    success_url: "http://localhost:3000/paid?session={CHECKOUT_SESSION_ID}",
    expires_at: now() + 31 * 60,
  });
  await fake.completeSession(session.id);
  const intentId = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
  return { session, intentId, appointmentId, events: () => fake.events().filter((e) => JSON.stringify(e.event.data.object).includes(intentId)) };
}

const ledger = (intentId: string) => getPrisma().payment.findUnique({ where: { id: intentId }, include: { refunds: { orderBy: { id: "asc" } } } });
const eventRow = (id: string) => getPrisma().stripeEvent.findUnique({ where: { id } });
const ofType = (events: SentEvent[], type: string) => events.find((e) => e.event.type === type)!;

describe("POST /api/webhooks/stripe", () => {
  it("records a checkout paid on the hosted page: the payment with its visit, session and customer, each event once", async () => {
    const appointmentId = randomUUID();
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 4500, product_data: { name: "Initial evaluation — deposit" } } }],
      customer_email: "rosa@example.com",
      metadata: { appointmentId },
      payment_intent_data: { metadata: { appointmentId }, setup_future_usage: "off_session" },
      success_url: "http://localhost:3000/paid?session={CHECKOUT_SESSION_ID}",
      expires_at: now() + 31 * 60,
    });
    const paid = await fetch(session.url!, { method: "POST", body: new URLSearchParams({ card_number: "4242 4242 4242 4242" }), redirect: "manual" });
    expect(paid.status).toBe(303);
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    const intentId = completed.payment_intent as string;
    const events = fake.events().filter((e) => JSON.stringify(e.event.data.object).includes(intentId));
    expect(events.map((e) => [e.event.type, e.attempts.map((a) => a.status)])).toEqual([["payment_intent.succeeded", [200]], ["checkout.session.completed", [200]]]);

    expect(await ledger(intentId)).toMatchObject({
      amountCents: 4500, currency: "USD", status: "SUCCEEDED", refundedCents: 0, checkoutSessionId: session.id, appointmentId, customerId: completed.customer, refunds: [],
    });
    for (const e of events) expect(await eventRow(e.event.id)).toMatchObject({ type: e.event.type, created: new Date(e.event.created * 1000) });
  });

  it("refuses an unsigned, forged, tampered or stale delivery with 400 and writes nothing", async () => {
    const { intentId, events } = await paidCheckoutHeld();
    fake.setWebhookUrl(endpoint);
    const completed = ofType(events(), "checkout.session.completed");

    const unsigned = await post(completed.payload, { signature: null });
    expect(unsigned.status).toBe(400);
    expect((await unsigned.json()).error.message).toMatch(/Stripe-Signature header is missing/);
    expect((await fake.deliver(completed.event.id, { secret: "whsec_someoneelse0000000000" })).status).toBe(400);
    const tampered = await post(completed.payload.replace('"amount_total": 4500', '"amount_total": 1'), {
      signature: Stripe.webhooks.generateTestHeaderString({ payload: completed.payload, secret: KEYS.webhook, timestamp: now() }),
    });
    expect(tampered.status).toBe(400);
    expect((await tampered.json()).error.message).toMatch(/does not match/);
    const stale = await post(completed.payload, { timestamp: now() - 301 });
    expect(stale.status).toBe(400);
    expect((await stale.json()).error.message).toMatch(/more than 300 seconds old/);
    expect((await fake.deliver(completed.event.id, { timestamp: now() - 3600 })).status).toBe(400);

    expect(await eventRow(completed.event.id)).toBeNull();
    expect(await ledger(intentId)).toBeNull();

    // The same event, fresh and signed, is taken.
    expect((await fake.deliver(completed.event.id)).status).toBe(200);
    expect(await ledger(intentId)).toMatchObject({ amountCents: 4500, status: "SUCCEEDED" });
  });

  it("answers a replay 200 and changes nothing", async () => {
    const { intentId, events } = await paidCheckoutHeld();
    const refund = await stripe.refunds.create({ payment_intent: intentId, amount: 1000 });
    await fake.idle();
    fake.setWebhookUrl(endpoint);
    for (const e of events()) expect((await post(e.payload)).status).toBe(200);
    const before = await ledger(intentId);
    expect(before).toMatchObject({ amountCents: 4500, refundedCents: 1000, refunds: [{ id: refund.id, amountCents: 1000, status: "SUCCEEDED" }] });
    const eventCount = await getPrisma().stripeEvent.count();

    for (const e of events()) {
      const again = await post(e.payload);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ received: true, outcome: "replayed" });
    }
    expect(await ledger(intentId)).toEqual(before);
    expect(await getPrisma().stripeEvent.count()).toBe(eventCount);
  });

  it("ends with the same ledger when refunds arrive before the payment's completion, and when the completion comes twice", async () => {
    const { intentId, session, appointmentId, events } = await paidCheckoutHeld();
    const first = await stripe.refunds.create({ payment_intent: intentId, amount: 1500 });
    const second = await stripe.refunds.create({ payment_intent: intentId, amount: 500 });
    await fake.idle();
    fake.setWebhookUrl(endpoint);
    const all = events();
    expect(all.map((e) => e.event.type)).toEqual(["payment_intent.succeeded", "checkout.session.completed", "refund.created", "charge.refunded", "refund.created", "charge.refunded"]);

    // Newest first: the refunds before anything said the payment was made.
    const refundFirst = all.filter((e) => e.event.type === "refund.created").reverse();
    for (const e of refundFirst) expect((await post(e.payload)).status).toBe(200);
    expect(await ledger(intentId)).toMatchObject({ amountCents: null, status: "SUCCEEDED", refundedCents: 2000, checkoutSessionId: null });

    for (const e of [...all].reverse().filter((e) => e.event.type !== "refund.created")) expect((await post(e.payload)).status).toBe(200);
    // Stripe sends a completion again under a new event id now and then: one payment still.
    const completed = ofType(all, "checkout.session.completed");
    const copy = JSON.stringify({ ...completed.event, id: `evt_copy${Date.now()}` }, null, 2);
    expect(await (await post(copy)).json()).toEqual({ received: true, outcome: "processed" });

    expect(await getPrisma().payment.count({ where: { checkoutSessionId: session.id } })).toBe(1);
    const final = await ledger(intentId);
    expect(final).toMatchObject({ amountCents: 4500, currency: "USD", status: "SUCCEEDED", refundedCents: 2000, checkoutSessionId: session.id, appointmentId });
    expect(final!.refunds).toHaveLength(2);
    expect(final!.refunds).toEqual(expect.arrayContaining([first, second].map((r) => expect.objectContaining({ id: r.id, amountCents: r.amount, status: "SUCCEEDED", paymentIntentId: intentId }))));
  });

  it("acts once on the same event delivered many times at once", async () => {
    const { intentId, events } = await paidCheckoutHeld();
    await stripe.refunds.create({ payment_intent: intentId, amount: 700 });
    await fake.idle();
    fake.setWebhookUrl(endpoint);
    const refundCreated = ofType(events(), "refund.created");
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(refundCreated.payload).then(async (r) => ({ status: r.status, body: await r.json() }))));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers.filter((a) => a.body.outcome === "processed")).toHaveLength(1);
    expect(await ledger(intentId)).toMatchObject({ refundedCents: 700, refunds: [{ amountCents: 700 }] });
  });

  it("sums refunds of one payment that arrive at the same moment", async () => {
    const { intentId, events } = await paidCheckoutHeld({ amount: 9000 });
    for (let i = 0; i < 6; i++) await stripe.refunds.create({ payment_intent: intentId, amount: 1000 + i });
    await fake.idle();
    fake.setWebhookUrl(endpoint);
    const all = events();
    for (const e of all.filter((e) => e.event.type === "payment_intent.succeeded")) expect((await post(e.payload)).status).toBe(200);
    const refunds = all.filter((e) => e.event.type === "refund.created");
    expect(refunds).toHaveLength(6);
    const statuses = await Promise.all(refunds.map((e) => post(e.payload).then((r) => r.status)));
    expect(statuses).toEqual(Array(6).fill(200));
    expect(await ledger(intentId)).toMatchObject({ amountCents: 9000, refundedCents: 6015 });
  });

  it("refuses refunds beyond the payment with 422 and writes nothing", async () => {
    const { intentId, events } = await paidCheckoutHeld({ amount: 1000 });
    fake.setWebhookUrl(endpoint);
    for (const e of events()) expect((await post(e.payload)).status).toBe(200);
    const refundEvent = (id: string, amount: number) =>
      JSON.stringify({ id, object: "event", type: "refund.created", created: now(), api_version: "2026-10-28.endive", livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object: { id: `re_${id.slice(4)}`, object: "refund", amount, currency: "usd", payment_intent: intentId, status: "succeeded" } } });
    expect((await post(refundEvent(`evt_ok${Date.now()}`, 600))).status).toBe(200);
    const over = `evt_over${Date.now()}`;
    const refused = await post(refundEvent(over, 401));
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/more than its 1000 cents/);
    expect(await eventRow(over)).toBeNull();
    expect(await ledger(intentId)).toMatchObject({ amountCents: 1000, refundedCents: 600 });
    expect((await ledger(intentId))!.refunds).toHaveLength(1);
  });

  it("never fails on odd input: not JSON, not an event, an event lacking fields, an unknown type, a huge body, a foreign Origin", async () => {
    const notJson = await post("this is not json");
    expect(notJson.status).toBe(400);
    const notEvent = await post(JSON.stringify({ hello: "world" }));
    expect(notEvent.status).toBe(400);
    const lacking = `evt_lacking${Date.now()}`;
    const lackingAnswer = await post(JSON.stringify({ id: lacking, object: "event", type: "payment_intent.succeeded", created: now(), data: { object: { id: "pi_x" } } }));
    expect(lackingAnswer.status).toBe(422);
    expect(await eventRow(lacking)).toBeNull();

    // A type Stride does nothing with is still recorded, so its replay is known.
    const other = `evt_other${Date.now()}`;
    const otherAnswer = await post(JSON.stringify({ id: other, object: "event", type: "customer.created", created: now(), data: { object: { id: "cus_1", object: "customer" } } }));
    expect(await otherAnswer.json()).toEqual({ received: true, outcome: "processed" });
    expect(await eventRow(other)).toMatchObject({ type: "customer.created" });

    // Stripe sends no Origin; the staff-origin guard must not stand in its way whatever arrives.
    const foreign = await post(JSON.stringify({ id: `evt_origin${Date.now()}`, object: "event", type: "customer.updated", created: now(), data: { object: {} } }), { headers: { origin: "https://elsewhere.example" } });
    expect(foreign.status).toBe(200);

    // Refused before the body is read: past the route's own bound, and past the server's.
    const huge = await post(JSON.stringify({ padding: "x".repeat(600 * 1024) }));
    expect(huge.status).toBe(413);
    const tooHugeForTheServer = await post(JSON.stringify({ padding: "x".repeat(1100 * 1024) }));
    expect(tooHugeForTheServer.status).toBe(413);
  });
});
