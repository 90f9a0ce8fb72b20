import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPractice, createStaffMember, patientInput } from "@/test/fixtures";
import { startStripeWebhook, type StripeWebhookHarness } from "@/test/stripe-webhook";
import { createBooking } from "../booking/mutations";
import { calendarETag, openCalendar } from "./data";
import type { CalendarQuery } from "./schema";

// A payment or refund arrives by Stripe's webhook, on whichever app instance
// Stripe reaches, and writes only the payment ledger: the board's ETag must
// move with it, or a desk polling the board keeps its stale card (a 304).
const KEYS = vi.hoisted(() => {
  const keys = { secret: "sk_test_boardpayment0123456789", webhook: "whsec_boardpayment0123456789" };
  process.env.STRIPE_SECRET_KEY = keys.secret;
  process.env.STRIPE_WEBHOOK_SECRET = keys.webhook;
  return keys;
});

const { POST } = await import("@/app/api/webhooks/stripe/route");

let harness: StripeWebhookHarness;
beforeAll(async () => {
  harness = await startStripeWebhook(KEYS, POST);
});
afterAll(() => harness.close());

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
const DAY = "2026-11-24";

describe("the calendar's ETag and Stripe's webhook", () => {
  it("changes when a payment for a visit on the board completes and when it is refunded", async () => {
    const practice = await createPractice({ therapists: 1 });
    const desk = await createStaffMember("FRONT_DESK");
    const booked = await createBooking(
      { service: practice.service.id, start: `${DAY}T09:00:00-06:00`, mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
      ctx,
    );
    const query: CalendarQuery = { location: practice.location.id, date: DAY, view: "day" };
    const before = await calendarETag(query);

    const { stripe, fake } = harness;
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 9000, product_data: { name: "Therapy visit" } } }],
      metadata: { appointmentId: booked.id },
      payment_intent_data: { metadata: { appointmentId: booked.id } },
      success_url: "http://localhost:3000/paid?session={CHECKOUT_SESSION_ID}",
      expires_at: Math.floor(Date.now() / 1000) + 31 * 60,
    });
    expect(await fake.completeSession(session.id)).toMatchObject({ completed: true });
    await fake.idle();
    const paid = await calendarETag(query);
    expect(paid).not.toBe(before);
    expect((await openCalendar(desk, query, ctx)).appointments[0]).toMatchObject({ id: booked.id, payment: "paid" });

    const intentId = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    await stripe.refunds.create({ payment_intent: intentId, amount: 4000 });
    await fake.idle();
    expect(await calendarETag(query)).not.toBe(paid);
    expect((await openCalendar(desk, query, ctx)).appointments[0]).toMatchObject({ payment: "refunded" });
  });
});
