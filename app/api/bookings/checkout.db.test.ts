import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPractice, patientInput } from "@/test/fixtures";
import { getPrisma } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { startFakeStripe, type FakeStripe } from "@/lib/payments/fake-stripe/server";

// The booking route with online payment on: the official SDK talks to the
// fake Stripe over real HTTP on loopback, the holds go to the real database.
const KEYS = vi.hoisted(() => {
  const keys = { secret: "sk_test_bookingcheckout0123456789", webhook: "whsec_bookingcheckout0123456789" };
  process.env.STRIPE_SECRET_KEY = keys.secret;
  process.env.STRIPE_WEBHOOK_SECRET = keys.webhook;
  process.env.PUBLIC_BASE_URL = "http://clinic.test";
  return keys;
});

const { POST } = await import("./route");
const { POST: release } = await import("./[token]/release/route");

let fake: FakeStripe;
let stripe: Stripe;
let fakePort: number;

async function startFake(port = 0) {
  fake = await startFakeStripe({ port, secretKey: KEYS.secret, webhookSecret: KEYS.webhook, webhookUrl: null });
  const base = new URL(fake.url);
  fakePort = Number(base.port);
  process.env.STRIPE_API_BASE = fake.url;
  stripe = new Stripe(KEYS.secret, { host: base.hostname, port: fakePort, protocol: "http", maxNetworkRetries: 0 });
}

beforeAll(async () => {
  await startFake();
});

afterAll(async () => {
  await fake.close();
});

const noParams = { params: Promise.resolve({}) };

function post(body: unknown) {
  return POST(
    new Request("http://localhost:3000/api/bookings", {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify(body),
    }),
    noParams,
  );
}

type PaymentSetup = { priceCents: number; paymentRule: "NONE" | "FULL" | "DEPOSIT" | "CARD_ON_FILE"; depositPercent?: number | null; currency?: string };

async function paidPractice(payment: PaymentSetup, therapists = 1) {
  const practice = await createPractice({ therapists });
  await getPrisma().service.update({ where: { id: practice.service.id }, data: { depositPercent: null, currency: "usd", ...payment } });
  // A weekday two days out, at 10:00 in the location's zone (Chicago): inside every default schedule.
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: "America/Chicago", timeZoneName: "longOffset" })
    .formatToParts(new Date(`${day}T16:00:00Z`))
    .find((p) => p.type === "timeZoneName")!
    .value.replace("GMT", "");
  const start = `${day}T10:00:00${offset}`;
  const form = (overrides: Record<string, unknown> = {}) => ({
    service: practice.service.slug,
    start,
    mode: "CLINIC",
    locationId: practice.location.id,
    patient: patientInput(),
    language: "en",
    idempotencyKey: randomUUID(),
    ...overrides,
  });
  return { practice, start, form };
}

const heldRows = (serviceId: string) => getPrisma().appointment.findMany({ where: { serviceId, status: "HELD" } });

describe("POST /api/bookings for a service paid online", () => {
  it("holds a deposit's time and answers 202 with the checkout for 25 % of the price, in the service's currency", async () => {
    const { practice, form } = await paidPractice({ priceCents: 12_000, paymentRule: "DEPOSIT", depositPercent: 25 });
    const sent = form({ language: "es" });
    const response = await post(sent);
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ status: "PAYMENT_REQUIRED", payment: { kind: "deposit", amountCents: 3000, currency: "usd" } });
    expect(body.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.holdExpiresAt).toMatch(/-0[56]:00$/);

    const [held, ...more] = await heldRows(practice.service.id);
    expect(more).toEqual([]);
    expect(held!.id).toBe(body.id);
    expect(held!.checkoutSessionId).toMatch(/^cs_test_/);
    expect(body.checkoutUrl).toBe(`${fake.url}/checkout/${held!.checkoutSessionId}`);

    const session = await stripe.checkout.sessions.retrieve(held!.checkoutSessionId!);
    expect(session).toMatchObject({
      mode: "payment",
      status: "open",
      amount_total: 3000,
      currency: "usd",
      client_reference_id: held!.id,
      metadata: { appointmentId: held!.id, purpose: "booking" },
      success_url: "http://clinic.test/es/book/paid",
      cancel_url: "http://clinic.test/es/book/payment-cancelled",
    });
    expect(session.customer).toMatch(/^cus_/);
    expect((await stripe.customers.retrieve(session.customer as string)) as Stripe.Customer).toMatchObject({ email: sent.patient.email });
    // Stripe's minimum life, at least: Stride closes it itself when the hold lapses.
    expect(session.expires_at - session.created).toBeGreaterThanOrEqual(30 * 60);
    // The manage link is the patient's alone: Stripe is never told it.
    expect(JSON.stringify(session)).not.toContain(body.manageToken);

    // Paying on the fake's page: the PaymentIntent names the hold and keeps the card for a later fee.
    expect(await fake.completeSession(session.id)).toMatchObject({ completed: true });
    const intent = fake.events().find((e) => e.event.type === "payment_intent.succeeded" && (e.event.data.object as { metadata: Record<string, string> }).metadata.appointmentId === held!.id);
    expect(intent?.event.data.object).toMatchObject({ amount: 3000, currency: "usd", setup_future_usage: "off_session", customer: session.customer });
  });

  it("sends the same form again while the hold lives to the same checkout, holding nothing more", async () => {
    const { practice, form } = await paidPractice({ priceCents: 9_000, paymentRule: "FULL" });
    const sent = form();
    const first = await (await post(sent)).json();
    const again = await post(sent);
    expect(again.status).toBe(202);
    const second = await again.json();
    expect(second).toMatchObject({ id: first.id, checkoutUrl: first.checkoutUrl, manageToken: first.manageToken, payment: { kind: "full", amountCents: 9000 } });
    expect(await heldRows(practice.service.id)).toHaveLength(1);
    expect(await getPrisma().appointment.count({ where: { serviceId: practice.service.id } })).toBe(1);

    // The same key with another body is a used form, as for any booking form.
    const other = await post({ ...sent, patient: { ...sent.patient, phone: "+19155550199" } });
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe("FORM_ALREADY_USED");
  });

  it("sends the same form twice at the same moment to one hold and one checkout", async () => {
    const { practice, form } = await paidPractice({ priceCents: 12_000, paymentRule: "DEPOSIT", depositPercent: 25 });
    const sent = form();
    const answers = await Promise.all([post(sent), post(sent)]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    const [one, two] = await Promise.all(answers.map((a) => a.json()));
    expect(two).toMatchObject({ id: one.id, checkoutUrl: one.checkoutUrl, manageToken: one.manageToken });
    expect(await heldRows(practice.service.id)).toHaveLength(1);
  });

  it("holds a card-on-file service's time and sends the patient to save a card (setup mode)", async () => {
    const { practice, form } = await paidPractice({ priceCents: 8_000, paymentRule: "CARD_ON_FILE" });
    const response = await post(form());
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body.payment).toEqual({ kind: "card" });
    const [held] = await heldRows(practice.service.id);
    const session = await stripe.checkout.sessions.retrieve(held!.checkoutSessionId!);
    expect(session).toMatchObject({ mode: "setup", amount_total: null, client_reference_id: held!.id, metadata: { appointmentId: held!.id, purpose: "booking" } });
    expect(session.customer).toMatch(/^cus_/);
  });

  it("books a free service, and one paid at the clinic, at once (201), as before", async () => {
    for (const payment of [{ priceCents: 0, paymentRule: "NONE" }, { priceCents: 7_000, paymentRule: "NONE" }] as const) {
      const { practice, form } = await paidPractice(payment);
      const response = await post(form());
      expect(response.status).toBe(201);
      expect(await response.json()).not.toHaveProperty("checkoutUrl");
      expect(await getPrisma().appointment.findMany({ where: { serviceId: practice.service.id }, select: { status: true, checkoutSessionId: true } })).toEqual([{ status: "BOOKED", checkoutSessionId: null }]);
    }
  });

  it("holds one time once when two patients submit it at the same moment", async () => {
    const { practice, form } = await paidPractice({ priceCents: 12_000, paymentRule: "DEPOSIT", depositPercent: 25 });
    const answers = await Promise.all([post(form()), post(form())]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect((await refused.json()).error.code).toBe("SLOT_TAKEN");
    const held = await heldRows(practice.service.id);
    expect(held).toHaveLength(1);
    expect(held[0]!.checkoutSessionId).toMatch(/^cs_test_/);
  });

  it("lets the time go and answers 503 when Stripe cannot be reached; the same form works once Stripe is back", async () => {
    const { practice, form } = await paidPractice({ priceCents: 12_000, paymentRule: "DEPOSIT", depositPercent: 25 });
    const sent = form();
    const port = fakePort;
    await fake.close();
    try {
      const response = await post(sent);
      expect(response.status).toBe(503);
      expect((await response.json()).error).toEqual({
        code: "PAYMENT_UNAVAILABLE",
        message: "Online payment is not available right now. Please try again in a few minutes, or call us.",
      });
      expect(await heldRows(practice.service.id)).toEqual([]);
    } finally {
      await startFake(port);
    }
    const retried = await post(sent);
    expect(retried.status).toBe(202);
    expect(await heldRows(practice.service.id)).toHaveLength(1);
  });
});

describe("POST /api/bookings/<token>/release", () => {
  const releaseWith = (token: string) =>
    release(
      new Request(`http://localhost:3000/api/bookings/${token}/release`, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: `10.8.${Math.floor(Math.random() * 250)}.1` },
        body: "{}",
      }),
      { params: Promise.resolve({ token }) },
    );

  it("frees a held time and closes its checkout; a booked visit's link and a guess get the same answer and change nothing", async () => {
    const { practice, form } = await paidPractice({ priceCents: 12_000, paymentRule: "DEPOSIT", depositPercent: 25 });
    const sent = form();
    const held = await (await post(sent)).json();
    const response = await releaseWith(held.manageToken);
    expect(response.status).toBe(200);
    const answer = await response.json();
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: held.id } });
    expect(row.status).toBe("LAPSED");
    expect((await stripe.checkout.sessions.retrieve(row.checkoutSessionId!)).status).toBe("expired");

    const free = await paidPractice({ priceCents: 0, paymentRule: "NONE" });
    const booked = await (await post(free.form())).json();
    const bookedAnswer = await releaseWith(booked.manageToken);
    const guess = await releaseWith("A".repeat(43));
    expect([bookedAnswer.status, guess.status]).toEqual([200, 200]);
    expect([await bookedAnswer.json(), await guess.json()]).toEqual([answer, answer]);
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).status).toBe("BOOKED");
    expect(await heldRows(practice.service.id)).toEqual([]);

    // The same form sent again (the browser's back button from the checkout) holds the time anew.
    const again = await post(sent);
    expect(again.status).toBe(202);
    const renewed = await again.json();
    expect(renewed.id).not.toBe(held.id);
    expect(renewed.checkoutUrl).not.toBe(held.checkoutUrl);
    expect(await heldRows(practice.service.id)).toHaveLength(1);
  });
});
