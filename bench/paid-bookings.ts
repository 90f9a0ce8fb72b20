// The paid booking path end to end: a patient asks for a paid time (the app
// holds it and creates a Checkout Session on the fake Stripe), pays on the
// fake's checkout, and Stripe's signed webhooks reach the app, which turns
// the hold into a booking. One sample is the whole path, from the POST to
// the moment the webhook's answer is in (the fake delivers the events before
// it sends the browser back, as Stripe's checkout does); the hold and the
// payment-plus-webhook halves are reported too. The database is checked
// after each sample: a path that answered but did not book fails the run.

import type { PaymentRequiredDto } from "../lib/booking/api-types";
import type { PrismaClient } from "../lib/db/generated/client";
import type { FakeStripe } from "../lib/payments/fake-stripe/server";
import { bookingBody, patientFor, post, type BookingTarget } from "./bookings";
import { summariseLatency, summarisePhase, type LatencySummary, type PhaseResult } from "./stats";

export interface PaidBookingResult extends PhaseResult {
  /** POST /api/bookings → 202 with the checkout address. */
  holdMs: LatencySummary;
  /** Paying on the checkout until the app has answered its webhooks. */
  payAndWebhookMs: LatencySummary;
  booked: number;
  /** Samples whose hold was answered but did not end BOOKED. */
  notBooked: number;
  concurrency: number;
}

const sessionIdOf = (checkoutUrl: string) => /\/checkout\/([A-Za-z0-9_]+)$/.exec(checkoutUrl)?.[1] ?? null;

export async function runPaidBookings(
  baseUrl: string,
  serviceId: string,
  targets: BookingTarget[],
  stripe: FakeStripe,
  prisma: PrismaClient,
  options: { amount: number; concurrency: number },
): Promise<PaidBookingResult> {
  const totals: number[] = [];
  const holds: number[] = [];
  const pays: number[] = [];
  const codes: number[] = [];
  const holdIds: string[] = [];
  let next = 0;
  let notBooked = 0;

  async function one(i: number): Promise<void> {
    const started = performance.now();
    const held = await post(`${baseUrl}/api/bookings`, bookingBody(serviceId, targets[i]!, patientFor("paid", i)));
    holds.push(held.ms);
    if (held.status !== 202) {
      codes.push(held.status);
      totals.push(performance.now() - started);
      return;
    }
    const body = JSON.parse(held.body) as PaymentRequiredDto;
    const sessionId = sessionIdOf(body.checkoutUrl);
    if (!sessionId) throw new Error(`The hold's checkout address names no session: ${body.checkoutUrl}`);
    const paying = performance.now();
    const outcome = await stripe.completeSession(sessionId);
    if (!outcome.completed) throw new Error(`The fake checkout refused the test card: ${outcome.declined}`);
    const done = performance.now();
    pays.push(done - paying);
    totals.push(done - started);
    codes.push(201);
    holdIds.push(body.id);
  }

  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (let i = next++; i < options.amount; i = next++) await one(i);
    }),
  );
  const elapsed = performance.now() - started;
  await stripe.idle();

  const [row] = await prisma.$queryRaw<{ booked: number }[]>`
    SELECT count(*)::int AS booked FROM "Appointment" WHERE "id" = ANY(${holdIds}::uuid[]) AND "status" = 'BOOKED'`;
  const booked = row?.booked ?? 0;
  notBooked = holdIds.length - booked;
  return {
    ...summarisePhase(totals, codes, elapsed),
    holdMs: summariseLatency(holds),
    payAndWebhookMs: summariseLatency(pays),
    booked,
    notBooked,
    concurrency: options.concurrency,
  };
}
