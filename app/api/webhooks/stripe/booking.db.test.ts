import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createPractice, patientInput } from "@/test/fixtures";
import { ctx, startIn, zoneAtLocalHour } from "@/test/reminder-visits";
import { confirmHold, createHold, releaseHold } from "@/lib/booking/holds";
import { runHoldExpiry } from "@/lib/booking/hold-expiry";
import { runLateRefund } from "@/lib/booking/late-refund";
import { paymentTasks, sweepExpiredHolds } from "@/lib/booking/payment-tasks";
import { createBooking } from "@/lib/booking/mutations";
import type { CreateBookingInput } from "@/lib/booking/schema";
import { getPrisma } from "@/lib/db/client";
import { formatPrice } from "@/lib/i18n/format-price";
import { startWorker } from "@/lib/jobs/queue";
import type { FakeStripe, SentEvent } from "@/lib/payments/fake-stripe/server";
import { COMPOSERS } from "@/lib/message-templates/registry";
import { sendMessage } from "@/lib/messages/send";
import { caughtMailTo, withMailCatcher } from "@/test/mail-catcher";
import { startStripeWebhook, type StripeWebhookHarness } from "@/test/stripe-webhook";

// What Stripe's answer about a held time's checkout does to the booking:
// sessions made on the fake Stripe by the official SDK exactly as the booking
// makes them, paid there, and their signed events posted over real HTTP to
// the webhook route.
const KEYS = vi.hoisted(() => {
  const keys = { secret: "sk_test_bookingeffects0123456789", webhook: "whsec_bookingeffects0123456789" };
  process.env.STRIPE_SECRET_KEY = keys.secret;
  process.env.STRIPE_WEBHOOK_SECRET = keys.webhook;
  return keys;
});

const { POST } = await import("./route");

const smtp = withMailCatcher();

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

const MINUTE = 60_000;
const ALL_DAY = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 24 * 60, visitModes: ["CLINIC" as const, "HOME" as const] }];
const unixNow = () => Math.floor(Date.now() / 1000);

async function practice(rooms = 1) {
  const zone = zoneAtLocalHour(12);
  const made = await createPractice({ timeZone: zone, hours: ALL_DAY, rooms: Array.from({ length: rooms }, (_, i) => ({ name: `Room ${i + 1}`, capacity: 1 })), service: { horizonDays: 200 } });
  return { ...made, zone };
}
type Practice = Awaited<ReturnType<typeof practice>>;

function input(p: Practice, start: string, patient = patientInput(), language: "en" | "es" = "en"): CreateBookingInput {
  return { service: p.service.id, start, mode: "CLINIC", locationId: p.location.id, therapistId: p.therapists[0]!.id, patient, language };
}

/** A hold as the booking makes it, its patient having chosen the time `minutesAgo` minutes ago. */
function hold(p: Practice, start: string, minutesAgo = 0, language: "en" | "es" = "en") {
  return createHold(input(p, start, patientInput(), language), { now: new Date(Date.now() - minutesAgo * MINUTE), ipAddress: "127.0.0.1" });
}

/** The hold's Checkout Session, as the booking creates it (the shared contract), recorded on the hold. */
async function checkoutFor(holdId: string, options: { mode?: "payment" | "setup"; amount?: number; customer?: string; saveCard?: boolean } = {}) {
  const common = {
    client_reference_id: holdId,
    metadata: { appointmentId: holdId, purpose: "booking" },
    success_url: "http://localhost:3000/en/book/paid?session={CHECKOUT_SESSION_ID}",
    expires_at: unixNow() + 30 * 60 + 30,
  };
  const session =
    options.mode === "setup"
      ? await stripe.checkout.sessions.create({ ...common, mode: "setup", currency: "usd", customer: options.customer, setup_intent_data: { metadata: { appointmentId: holdId } } }, { idempotencyKey: `checkout:${holdId}` })
      : await stripe.checkout.sessions.create(
          {
            ...common,
            mode: "payment",
            ...(options.customer ? { customer: options.customer } : { customer_email: "rosa@example.com" }),
            line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: options.amount ?? 4500, product_data: { name: "Therapy session" } } }],
            payment_intent_data: { metadata: { appointmentId: holdId }, ...(options.saveCard ? { setup_future_usage: "off_session" as const } : {}) },
          },
          { idempotencyKey: `checkout:${holdId}` },
        );
  await getPrisma().appointment.update({ where: { id: holdId }, data: { checkoutSessionId: session.id } });
  return session;
}

/** Pays a session on the fake with its events made but not delivered: the test delivers them. */
async function paidUndelivered(sessionId: string) {
  fake.setWebhookUrl(null);
  expect(await fake.completeSession(sessionId)).toMatchObject({ completed: true });
  const events = fake.events().filter((e) => JSON.stringify(e.event.data.object).includes(sessionId) || e.event.type === "payment_intent.succeeded");
  fake.setWebhookUrl(endpoint);
  const completed = events.find((e) => e.event.type === "checkout.session.completed" && (e.event.data.object as { id: string }).id === sessionId)!;
  return { completed, intentId: (await stripe.checkout.sessions.retrieve(sessionId)).payment_intent as string | null };
}

function post(payload: string) {
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: KEYS.webhook, timestamp: unixNow() });
  return fetch(endpoint, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
}

/** The same completion under another event id, as Stripe sends now and then. */
const copyOf = (sent: SentEvent, suffix: string) => JSON.stringify({ ...sent.event, id: `evt_copy${suffix}${Date.now()}` });

const rowOf = (id: string) => getPrisma().appointment.findUniqueOrThrow({ where: { id } });
const messagesOf = (appointmentId: string, kind: string) => getPrisma().message.findMany({ where: { appointmentId, kind } });

/** The refunds the fake Stripe made of a payment, from its events. */
const refundsOf = (intentId: string) =>
  fake.events().filter((e) => e.event.type === "refund.created").map((e) => e.event.data.object as { amount: number; payment_intent: string }).filter((r) => r.payment_intent === intentId);

function jobsKeyed(key: string) {
  return getPrisma().$queryRaw<{ id: string; run_at: Date; attempts: number; last_error: string | null }[]>`
    SELECT "id"::text AS "id", "run_at", "attempts", "last_error" FROM graphile_worker.jobs WHERE "key" = ${key}`;
}
const lateRefundJobs = (intentId: string) => jobsKeyed(`late-refund:${intentId}`);

/** Runs the queue's payment tasks until no job under this key is left, then lets the fake's webhooks arrive. */
async function runJobs(key: string) {
  const worker = await startWorker(process.env.DATABASE_URL!, paymentTasks, { concurrency: 1 });
  try {
    for (let i = 0; i < 400 && (await jobsKeyed(key)).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  } finally {
    await worker.stop();
  }
  expect(await jobsKeyed(key)).toEqual([]);
  await fake.idle();
}
const runPaymentJobs = (intentId: string) => runJobs(`late-refund:${intentId}`);

describe("checkout.session.completed for a held time", () => {
  it("books the held visit and queues one confirmation", async () => {
    const p = await practice();
    const held = await hold(p, startIn(30, p.zone));
    const session = await checkoutFor(held.id);
    expect(await fake.completeSession(session.id)).toMatchObject({ completed: true });
    const row = await rowOf(held.id);
    expect(row.status).toBe("BOOKED");
    expect(row.checkoutSessionId).toBe(session.id);
    expect(await messagesOf(held.id, "confirmation")).toHaveLength(1);
    const intentId = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    expect(await getPrisma().payment.findUnique({ where: { id: intentId } })).toMatchObject({ appointmentId: held.id, status: "SUCCEEDED", amountCents: 4500 });
  });

  it("books once and confirms once when the completion is replayed", async () => {
    const p = await practice();
    const held = await hold(p, startIn(31, p.zone));
    const session = await checkoutFor(held.id);
    const { completed } = await paidUndelivered(session.id);
    expect(await (await post(completed.payload)).json()).toEqual({ received: true, outcome: "processed" });
    expect(await (await post(completed.payload)).json()).toEqual({ received: true, outcome: "replayed" });
    expect((await fake.deliver(completed.event.id)).status).toBe(200);
    expect((await rowOf(held.id)).status).toBe("BOOKED");
    expect(await messagesOf(held.id, "confirmation")).toHaveLength(1);
    const audit = await getPrisma().auditLog.findMany({ where: { entityId: held.id, action: "appointment.hold-confirm" } });
    expect(audit).toHaveLength(1);
  });

  it("books once when two different deliveries of the completion race", async () => {
    const p = await practice();
    const held = await hold(p, startIn(32, p.zone));
    const session = await checkoutFor(held.id);
    const { completed } = await paidUndelivered(session.id);
    const answers = await Promise.all([post(completed.payload), post(copyOf(completed, "a")), post(copyOf(completed, "b"))]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await rowOf(held.id)).status).toBe("BOOKED");
    expect(await messagesOf(held.id, "confirmation")).toHaveLength(1);
    expect(await getPrisma().auditLog.count({ where: { entityId: held.id, action: "appointment.hold-confirm" } })).toBe(1);
  });

  it("books a hold that lapsed while its patient paid when the time is still free", async () => {
    const p = await practice();
    const held = await hold(p, startIn(33, p.zone), 20);
    const session = await checkoutFor(held.id);
    await releaseHold(held.id);
    expect((await rowOf(held.id)).status).toBe("LAPSED");
    expect(await fake.completeSession(session.id)).toMatchObject({ completed: true });
    const row = await rowOf(held.id);
    expect(row.status).toBe("BOOKED");
    expect(row.roomId).toBe(p.location.rooms[0]!.id);
    expect(await messagesOf(held.id, "confirmation")).toHaveLength(1);
  });

  it("books a card-on-file checkout and keeps the saved card and its customer for later fees", async () => {
    const p = await practice();
    const held = await hold(p, startIn(34, p.zone));
    const customer = await stripe.customers.create({ email: "rosa@example.com" });
    const session = await checkoutFor(held.id, { mode: "setup", customer: customer.id });
    expect(await fake.completeSession(session.id)).toMatchObject({ completed: true });
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    const intent = await stripe.setupIntents.retrieve(completed.setup_intent as string);
    const row = await rowOf(held.id);
    expect(row.status).toBe("BOOKED");
    expect(row.paymentMethodId).toBe(intent.payment_method);
    expect(row.paymentMethodId).toMatch(/^pm_/);
    expect(row.stripeCustomerId).toBe(customer.id);
    expect((await getPrisma().patient.findUniqueOrThrow({ where: { id: row.patientId } })).stripeCustomerId).toBe(customer.id);
    expect(await messagesOf(held.id, "confirmation")).toHaveLength(1);
  });

  it("books a bank debit when its payment arrives, not when its checkout completes unpaid", async () => {
    const p = await practice();
    const held = await hold(p, startIn(37, p.zone));
    const session = await checkoutFor(held.id);
    const { completed } = await paidUndelivered(session.id);
    const event = completed.event as { id: string; type: string; data: { object: Record<string, unknown> } };
    const unpaid = JSON.stringify({ ...event, id: `evt_unpaid${Date.now()}`, data: { object: { ...event.data.object, payment_status: "unpaid" } } });
    expect((await post(unpaid)).status).toBe(200);
    expect((await rowOf(held.id)).status).toBe("HELD");
    const arrived = JSON.stringify({ ...event, id: `evt_async${Date.now()}`, type: "checkout.session.async_payment_succeeded" });
    expect(await (await post(arrived)).json()).toEqual({ received: true, outcome: "processed" });
    expect((await rowOf(held.id)).status).toBe("BOOKED");
    expect(await messagesOf(held.id, "confirmation")).toHaveLength(1);
  });

  it("gives the time back when a bank debit started at checkout fails", async () => {
    const p = await practice();
    const held = await hold(p, startIn(38, p.zone));
    const session = await checkoutFor(held.id);
    const { completed } = await paidUndelivered(session.id);
    const event = completed.event as { id: string; type: string; data: { object: Record<string, unknown> } };
    const failed = JSON.stringify({ ...event, id: `evt_failed${Date.now()}`, type: "checkout.session.async_payment_failed", data: { object: { ...event.data.object, payment_status: "unpaid" } } });
    expect((await post(failed)).status).toBe(200);
    expect((await rowOf(held.id)).status).toBe("LAPSED");
  });

  it("keeps the card a deposit was paid with, for the fee beyond the deposit", async () => {
    const p = await practice();
    const held = await hold(p, startIn(35, p.zone));
    const customer = await stripe.customers.create({ email: "rosa@example.com" });
    const session = await checkoutFor(held.id, { customer: customer.id, saveCard: true, amount: 1500 });
    expect(await fake.completeSession(session.id)).toMatchObject({ completed: true });
    const intent = await stripe.paymentIntents.retrieve((await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string);
    const row = await rowOf(held.id);
    expect(row.status).toBe("BOOKED");
    expect(row.paymentMethodId).toBe(intent.payment_method);
    expect(row.paymentMethodId).toMatch(/^pm_/);
    expect(row.stripeCustomerId).toBe(customer.id);
  });

  it("keeps no card when the payment did not save one", async () => {
    const p = await practice();
    const held = await hold(p, startIn(36, p.zone));
    const session = await checkoutFor(held.id);
    expect(await fake.completeSession(session.id)).toMatchObject({ completed: true });
    const row = await rowOf(held.id);
    expect(row.status).toBe("BOOKED");
    expect(row.paymentMethodId).toBeNull();
  });

  it("leaves a checkout that is not a booking's to the ledger alone", async () => {
    const p = await practice();
    const held = await hold(p, startIn(35, p.zone));
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      metadata: { appointmentId: held.id },
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 9000, product_data: { name: "Six sessions" } } }],
      success_url: "http://localhost:3000/paid",
      expires_at: unixNow() + 31 * 60,
    });
    expect(await fake.completeSession(session.id)).toMatchObject({ completed: true });
    expect((await rowOf(held.id)).status).toBe("HELD");
  });
});

describe("a payment that completes after its time was taken", () => {
  // Two rooms: a room is still free, so the therapist's own booking, by the database's exclusion constraint, decides.
  async function takenWhilePaying(language: "en" | "es" = "en") {
    const p = await practice(2);
    const start = startIn(36, p.zone);
    const held = await hold(p, start, 20, language);
    const session = await checkoutFor(held.id, { amount: 6000 });
    const other = await createBooking(input(p, start), ctx());
    const { completed, intentId } = await paidUndelivered(session.id);
    // The payment's own event first, then the completion.
    for (const e of fake.events().filter((e) => e.event.type === "payment_intent.succeeded" && JSON.stringify(e.event.data.object).includes(intentId!))) {
      expect((await post(e.payload)).status).toBe(200);
    }
    expect((await post(completed.payload)).status).toBe(200);
    return { p, held, other, completed, intentId: intentId! };
  }

  it("books nothing, refunds the payment in full once and tells the patient once", async () => {
    const { held, other, completed, intentId } = await takenWhilePaying();
    expect((await rowOf(held.id)).status).toBe("LAPSED");
    expect((await rowOf(other.id)).status).toBe("BOOKED");
    expect(await messagesOf(held.id, "confirmation")).toEqual([]);
    expect(await lateRefundJobs(intentId)).toHaveLength(1);

    await runPaymentJobs(intentId);
    expect(refundsOf(intentId).map((r) => r.amount)).toEqual([6000]);
    expect(await getPrisma().payment.findUniqueOrThrow({ where: { id: intentId } })).toMatchObject({ amountCents: 6000, refundedCents: 6000 });
    const told = await messagesOf(held.id, "taken");
    expect(told.map((m) => m.channel)).toEqual(["EMAIL"]);

    // Another delivery of the completion, and the job run again: nothing more.
    expect((await post(copyOf(completed, "again"))).status).toBe(200);
    await runPaymentJobs(intentId);
    expect(refundsOf(intentId)).toHaveLength(1);
    expect(await messagesOf(held.id, "taken")).toHaveLength(1);
    const audited = await getPrisma().auditLog.findMany({ where: { entityId: held.id, action: "payment.late-refund" } });
    expect(audited.map((a) => a.detail)).toEqual([expect.objectContaining({ paymentIntentId: intentId, amountCents: 6000 })]);
    expect((await rowOf(held.id)).status).toBe("LAPSED");
  });

  it("refunds once and audits once when the job runs again before the refund's own event arrives", async () => {
    const { held, intentId } = await takenWhilePaying();
    fake.setWebhookUrl(null);
    expect(await runLateRefund({ appointmentId: held.id, paymentIntentId: intentId })).toBe("refunded");
    expect(await runLateRefund({ appointmentId: held.id, paymentIntentId: intentId })).toBe("refunded");
    fake.setWebhookUrl(endpoint);
    expect(refundsOf(intentId).map((r) => r.amount)).toEqual([6000]);
    expect(await getPrisma().auditLog.count({ where: { entityId: held.id, action: "payment.late-refund" } })).toBe(1);
    expect(await messagesOf(held.id, "taken")).toHaveLength(1);
  });

  it("tells the patient in their language: the time was taken, the full amount refunded, other open times and the way to book", async () => {
    for (const language of ["en", "es"] as const) {
      const { held, intentId } = await takenWhilePaying(language);
      await runPaymentJobs(intentId);
      const [message] = await messagesOf(held.id, "taken");
      expect(message).toMatchObject({ channel: "EMAIL", language });
      expect(await sendMessage(message!.id, COMPOSERS, smtp.transport())).toBe("sent");
      const [mail] = await caughtMailTo(message!.recipient);
      const text = mail!.text!;
      const times = text.split("\n").filter((line) => line.startsWith("- "));
      expect(times).toHaveLength(3);
      if (language === "en") {
        expect(mail!.subject).toBe("Your payment is refunded: the time was taken while you paid");
        expect(text).toContain("the full amount you paid, $60.00, to your card");
        expect(text).toContain("Other open times");
        expect(text).toMatch(/Book another time:\n\S+\/en\/book/);
      } else {
        expect(mail!.subject).toBe("Su pago está reembolsado: la hora se ocupó mientras pagaba");
        expect(text).toContain(`el importe completo que pagó, ${formatPrice(6000, "USD", "es")}.`);
        expect(text).not.toContain("..");
        expect(text).toContain("Otras horas libres");
        expect(text).toMatch(/Reservar otra hora:\n\S+\/es\/book/);
      }
    }
  });
});

describe("a card saved after its time was taken", () => {
  it("books nothing, takes nothing and tells the patient, once", async () => {
    const p = await practice(2);
    const start = startIn(37, p.zone);
    const held = await hold(p, start, 20);
    const customer = await stripe.customers.create({ email: "rosa@example.com" });
    const session = await checkoutFor(held.id, { mode: "setup", customer: customer.id });
    await createBooking(input(p, start), ctx());
    const { completed } = await paidUndelivered(session.id);
    expect((await post(completed.payload)).status).toBe(200);
    expect((await post(copyOf(completed, "again"))).status).toBe(200);
    expect((await rowOf(held.id)).status).toBe("LAPSED");
    expect(await messagesOf(held.id, "confirmation")).toEqual([]);
    const told = await messagesOf(held.id, "taken");
    expect(told.map((m) => m.channel)).toEqual(["EMAIL"]);

    expect(await sendMessage(told[0]!.id, COMPOSERS, smtp.transport())).toBe("sent");
    const [mail] = await caughtMailTo(told[0]!.recipient);
    expect(mail!.subject).toBe("Your visit is not booked: the time was taken while you saved your card");
    expect(mail!.text).toContain("While you were saving your card, someone else booked");
    expect(mail!.text).toContain("No money was taken from your card.");
    expect(mail!.text).not.toContain("refunded");
  });
});

describe("a hold that lapses closes its checkout", () => {
  const sessionStatus = async (id: string) => (await stripe.checkout.sessions.retrieve(id)).status;

  it("is scheduled to end at its expiry as it is made, once per hold", async () => {
    const p = await practice();
    const held = await hold(p, startIn(40, p.zone));
    const row = await rowOf(held.id);
    const jobs = await jobsKeyed(`hold-expiry:${held.id}`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.run_at.getTime()).toBe(row.holdExpiresAt!.getTime());
  });

  it("lapses a hold still held at its expiry and expires its session, so it cannot be paid", async () => {
    const p = await practice();
    const start = startIn(41, p.zone);
    const held = await hold(p, start, 20);
    const session = await checkoutFor(held.id);
    await runJobs(`hold-expiry:${held.id}`);
    expect((await rowOf(held.id)).status).toBe("LAPSED");
    expect(await sessionStatus(session.id)).toBe("expired");
    expect(await getPrisma().auditLog.count({ where: { entityId: held.id, action: "appointment.hold-lapse" } })).toBe(1);
    expect(await fake.completeSession(session.id).catch((e: Error) => e.message)).toMatch(/expired/);
    // Its expiry event arrived too, and changed nothing more.
    const expiredEvent = fake.events().find((e) => e.event.type === "checkout.session.expired" && (e.event.data.object as { id: string }).id === session.id)!;
    expect(expiredEvent.attempts.map((a) => a.status)).toEqual([200]);
    expect((await createBooking(input(p, start), ctx())).id).toBeDefined();
  });

  it("leaves a hold paid and booked in time as it is", async () => {
    const p = await practice();
    const held = await hold(p, startIn(42, p.zone));
    const session = await checkoutFor(held.id);
    expect(await fake.completeSession(session.id)).toMatchObject({ completed: true });
    await getPrisma().appointment.update({ where: { id: held.id }, data: { holdExpiresAt: new Date(Date.now() - MINUTE) } });
    await getPrisma().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = ${`hold-expiry:${held.id}`}`;
    await runJobs(`hold-expiry:${held.id}`);
    expect((await rowOf(held.id)).status).toBe("BOOKED");
    expect(await sessionStatus(session.id)).toBe("complete");
  });

  it("takes a session completed already as closed, not as a failure", async () => {
    const p = await practice(2);
    const start = startIn(43, p.zone);
    const held = await hold(p, start, 20);
    const session = await checkoutFor(held.id);
    await createBooking(input(p, start), ctx());
    fake.setWebhookUrl(null);
    await fake.completeSession(session.id);
    fake.setWebhookUrl(endpoint);
    await runJobs(`hold-expiry:${held.id}`);
    expect((await rowOf(held.id)).status).toBe("LAPSED");
    expect(await sessionStatus(session.id)).toBe("complete");
  });

  it("is swept when its own job is missing: lapsed, and its session expired", async () => {
    const p = await practice();
    const held = await hold(p, startIn(44, p.zone), 20);
    const session = await checkoutFor(held.id);
    await getPrisma().$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${`hold-expiry:${held.id}`}`;
    expect(await sweepExpiredHolds(10_000)).toContain(held.id);
    expect((await rowOf(held.id)).status).toBe("LAPSED");
    await runJobs(`hold-expiry:${held.id}`);
    expect(await sessionStatus(session.id)).toBe("expired");
  });

  it("closes the checkout at once when the patient leaves it", async () => {
    const p = await practice();
    const held = await hold(p, startIn(47, p.zone));
    const session = await checkoutFor(held.id);
    expect(await releaseHold(held.id)).toEqual({ outcome: "released" });
    const [job] = await jobsKeyed(`hold-expiry:${held.id}`);
    expect(job!.run_at.getTime()).toBeLessThanOrEqual(Date.now());
    await runJobs(`hold-expiry:${held.id}`);
    expect((await rowOf(held.id)).status).toBe("LAPSED");
    expect(await sessionStatus(session.id)).toBe("expired");
  });

  it("waits for a hold whose expiry moved later, and ends it then", async () => {
    const p = await practice();
    const held = await hold(p, startIn(48, p.zone));
    await checkoutFor(held.id);
    const later = new Date(Date.now() + 10 * MINUTE);
    await getPrisma().appointment.update({ where: { id: held.id }, data: { holdExpiresAt: later } });
    expect(await runHoldExpiry({ holdId: held.id })).toBe("not-yet");
    expect((await rowOf(held.id)).status).toBe("HELD");
    const jobs = await jobsKeyed(`hold-expiry:${held.id}`);
    expect(jobs.map((j) => j.run_at.getTime())).toEqual([later.getTime()]);
  });

  it("gives the time back when its checkout expires while it is held", async () => {
    const p = await practice();
    const start = startIn(45, p.zone);
    const held = await hold(p, start);
    const session = await checkoutFor(held.id);
    await stripe.checkout.sessions.expire(session.id);
    await fake.idle();
    expect((await rowOf(held.id)).status).toBe("LAPSED");
    expect(await getPrisma().auditLog.count({ where: { entityId: held.id, action: "appointment.hold-lapse" } })).toBe(1);
    expect((await createBooking(input(p, start), ctx())).id).toBeDefined();
  });

  it("leaves a booked hold booked when an old session of it expires", async () => {
    const p = await practice();
    const held = await hold(p, startIn(46, p.zone));
    const session = await checkoutFor(held.id);
    await confirmHold(held.id, new Date());
    await stripe.checkout.sessions.expire(session.id);
    await fake.idle();
    expect((await rowOf(held.id)).status).toBe("BOOKED");
  });
});

describe("the confirmation of a visit paid online", () => {
  it("says what was paid and what is left to pay at the clinic, from the ledger when it is written, in the patient's language", async () => {
    for (const language of ["en", "es"] as const) {
      const p = await practice();
      // A 25% deposit of a $120.00 visit.
      await getPrisma().service.update({ where: { id: p.service.id }, data: { priceCents: 12000, paymentRule: "DEPOSIT", depositPercent: 25 } });
      const held = await hold(p, startIn(50, p.zone), 0, language);
      const session = await checkoutFor(held.id, { amount: 3000 });
      expect(await fake.completeSession(session.id)).toMatchObject({ completed: true });
      const [confirmation] = await messagesOf(held.id, "confirmation");
      // A part refunded after the confirmation was queued, before it is sent.
      const intentId = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
      await stripe.refunds.create({ payment_intent: intentId, amount: 500 });
      await fake.idle();

      expect(await sendMessage(confirmation!.id, COMPOSERS, smtp.transport())).toBe("sent");
      const [mail] = await caughtMailTo(confirmation!.recipient);
      const money = (cents: number) => formatPrice(cents, "USD", language);
      const left = money(12000 - 2500);
      if (language === "en") {
        expect(mail!.text).toContain(`Your payment\n------------\n\nPaid online: ${money(3000)}\nRefunded to your card: ${money(500)}\nLeft to pay at the clinic: ${left}`);
      } else {
        expect(mail!.text).toContain(`Su pago\n-------\n\nPagado en línea: ${money(3000)}\nReembolsado a su tarjeta: ${money(500)}\nPor pagar en la clínica: ${left}`);
      }
    }
  });

  it("says nothing of payment for a visit not paid online", async () => {
    const p = await practice();
    const booked = await createBooking(input(p, startIn(51, p.zone)), ctx());
    const [confirmation] = await messagesOf(booked.id, "confirmation");
    expect(await sendMessage(confirmation!.id, COMPOSERS, smtp.transport())).toBe("sent");
    const [mail] = await caughtMailTo(confirmation!.recipient);
    expect(mail!.text).not.toContain("Your payment");
    expect(mail!.text).not.toContain("Paid online");
  });
});
