import { DateTime } from "luxon";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPractice, patientInput } from "../../test/fixtures";
import { caughtMailTo as mailTo, withMailCatcher } from "../../test/mail-catcher";
import { payForVisit } from "../../test/paid-visit";
import { getPrisma } from "../db/client";
import { COMPOSERS } from "../message-templates/registry";
import { sendMessage } from "../messages/send";
import { startFakeStripe, type FakeStripe } from "../payments/fake-stripe/server";
import { recordRefund } from "../payments/ledger";
import { refundSchema } from "../payments/schema";
import { withBookingMoney } from "./booking-money-data";
import { CANCEL_REFUND_TASK, runCancelRefund } from "./cancel-refund";
import { cancelBooking, createBooking, openBooking, rescheduleBooking } from "./mutations";
import { paymentTasks } from "./payment-tasks";

// A patient's cancellation of a visit paid online, against the fake Stripe
// over real HTTP: what the policy gives back is decided at the cancellation,
// shown before it, and given back by a job that refunds once however often
// it runs and never more than remains.
const KEYS = vi.hoisted(() => {
  const keys = { secret: "sk_test_cancelrefund0123456789", webhook: "whsec_cancelrefund0123456789" };
  process.env.STRIPE_SECRET_KEY = keys.secret;
  process.env.STRIPE_WEBHOOK_SECRET = keys.webhook;
  process.env.PUBLIC_BASE_URL = "http://clinic.test";
  return keys;
});

const ZONE = "America/Chicago";
const smtp = withMailCatcher();
let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startFakeStripe({ secretKey: KEYS.secret, webhookSecret: KEYS.webhook, webhookUrl: null });
  const base = new URL(fake.url);
  process.env.STRIPE_API_BASE = fake.url;
  stripe = new Stripe(KEYS.secret, { host: base.hostname, port: Number(base.port), protocol: "http", maxNetworkRetries: 0 });
  const prisma = getPrisma();
  await prisma.practice.upsert({ where: { id: 1 }, update: {}, create: { id: 1, name: "Test practice" } });
  await prisma.practice.update({ where: { id: 1 }, data: { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 2000, noShowFeeCents: 4000 } });
});

afterAll(async () => {
  await getPrisma().practice.update({ where: { id: 1 }, data: { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 0, noShowFeeCents: 0 } });
  await fake.close();
});

/** Three days ahead, 10:00 in the practice's zone. */
const start = (daysAhead = 3) => DateTime.now().setZone(ZONE).plus({ days: daysAhead }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });

async function depositVisit(rule: "DEPOSIT" | "CARD_ON_FILE" = "DEPOSIT") {
  const practice = await createPractice({ timeZone: ZONE });
  await getPrisma().service.update({
    where: { id: practice.service.id },
    data: rule === "DEPOSIT" ? { priceCents: 12_000, currency: "usd", paymentRule: "DEPOSIT", depositPercent: 25 } : { priceCents: 9000, currency: "usd", paymentRule: "CARD_ON_FILE" },
  });
  const patient = patientInput();
  const booked = await createBooking(
    { service: practice.service.id, start: start().toISO({ suppressMilliseconds: true })!, mode: "CLINIC", locationId: practice.location.id, patient, language: "en" },
    { now: new Date(), ipAddress: "127.0.0.1" },
  );
  const intent = await payForVisit(stripe, fake, booked.id, rule === "DEPOSIT" ? { amountCents: 3000 } : { amountCents: 0, mode: "setup" });
  return { practice, booked, patient, intent };
}

const jobPayload = async (appointmentId: string) =>
  (await getPrisma().$queryRaw<{ payload: unknown }[]>`
    SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE t.identifier = ${CANCEL_REFUND_TASK} AND j.key = ${`cancel-refund:${appointmentId}`}`).map((r) => r.payload);

const refundsSent = (appointmentId: string) =>
  fake.events().filter((e) => e.event.type === "refund.created" && (e.event.data.object as { metadata: Record<string, string> }).metadata.appointmentId === appointmentId);

describe("a patient's cancellation of a visit paid online", () => {
  it("outside the late window gives back the whole deposit of a rescheduled visit, shown before; the job run twice refunds once", async () => {
    const { booked, intent } = await depositVisit();
    const now = new Date();
    const moved = await rescheduleBooking(booked.manageToken, { start: start(4).toISO({ suppressMilliseconds: true })! }, { now, ipAddress: "127.0.0.1" });

    const before = await withBookingMoney((await openBooking(booked.manageToken, { now, ipAddress: "127.0.0.1" })).dto, now);
    expect(before.money).toMatchObject({ currency: "USD", paidCents: 3000, refundedCents: 0, cardOnFile: true, ifCancelledNow: { refundCents: 3000, keptCents: 0, late: false }, cancelled: null });

    const cancelled = await withBookingMoney(await cancelBooking(booked.manageToken, {}, { now, ipAddress: "127.0.0.1" }), now);
    expect(cancelled.money).toMatchObject({ ifCancelledNow: null, cancelled: { refundCents: 3000, keptCents: 0 } });
    const [payload, ...more] = await jobPayload(moved.id);
    expect(more).toEqual([]);
    expect(payload).toMatchObject({ appointmentId: moved.id, refundCents: 3000 });

    // The worker's own task, twice: one refund at Stripe, one in the ledger.
    await paymentTasks[CANCEL_REFUND_TASK](payload);
    expect(await runCancelRefund(payload)).toBe(0);
    expect(refundsSent(moved.id)).toHaveLength(1);
    const payment = await getPrisma().payment.findUniqueOrThrow({ where: { id: intent! }, include: { refunds: true } });
    expect(payment).toMatchObject({ amountCents: 3000, refundedCents: 3000 });
    expect(payment.refunds).toHaveLength(1);
    expect(await getPrisma().auditLog.count({ where: { action: "payment.cancel-refund", entityId: moved.id } })).toBe(1);
  });

  it("inside the late window keeps the late fee and gives back the rest, and the cancellation message says so", async () => {
    const { booked, patient, intent } = await depositVisit();
    const late = start().minus({ hours: 5 }).toJSDate();
    const before = await withBookingMoney((await openBooking(booked.manageToken, { now: late, ipAddress: "127.0.0.1" })).dto, late);
    expect(before.money?.ifCancelledNow).toEqual({ refundCents: 1000, keptCents: 2000, feeCents: 2000, chargeCents: 0, late: true });

    await cancelBooking(booked.manageToken, {}, { now: late, ipAddress: "127.0.0.1" });
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(row).toMatchObject({ cancelRefundCents: 1000, cancelKeptCents: 2000 });
    const [payload] = await jobPayload(booked.id);
    expect(await runCancelRefund(payload)).toBe(1000);
    expect(await getPrisma().payment.findUniqueOrThrow({ where: { id: intent! } })).toMatchObject({ refundedCents: 1000 });

    const message = await getPrisma().message.findFirstOrThrow({ where: { appointmentId: booked.id, kind: "cancelled", channel: "EMAIL" } });
    expect(await sendMessage(message.id, COMPOSERS, smtp.transport())).toBe("sent");
    const [mail] = await mailTo(patient.email);
    expect(mail!.text).toContain("$10.00 of what you paid will go back to your card.");
    expect(mail!.text).toContain("$20.00 is kept as the late-cancellation fee");
  });

  it("never refunds more than remains: a refund made meanwhile leaves the job only the rest", async () => {
    const { booked, intent } = await depositVisit();
    await cancelBooking(booked.manageToken, {}, { now: new Date(), ipAddress: "127.0.0.1" });
    const [payload] = await jobPayload(booked.id);
    expect(payload).toMatchObject({ refundCents: 3000 });

    const desk = await stripe.refunds.create({ payment_intent: intent!, amount: 2500 });
    await getPrisma().$transaction((tx) => recordRefund(tx, refundSchema.parse(desk)));
    expect(await runCancelRefund(payload)).toBe(500);
    expect(await runCancelRefund(payload)).toBe(0);
    expect(await getPrisma().payment.findUniqueOrThrow({ where: { id: intent! } })).toMatchObject({ amountCents: 3000, refundedCents: 3000 });
  });

  it("of a card-on-file visit inside the window says the late fee may go to the saved card, and queues no refund", async () => {
    const { booked } = await depositVisit("CARD_ON_FILE");
    const late = start().minus({ hours: 2, minutes: 30 }).toJSDate();
    const before = await withBookingMoney((await openBooking(booked.manageToken, { now: late, ipAddress: "127.0.0.1" })).dto, late);
    expect(before.money).toMatchObject({ paidCents: 0, cardOnFile: true, ifCancelledNow: { refundCents: 0, keptCents: 0, chargeCents: 2000, late: true } });
    await cancelBooking(booked.manageToken, {}, { now: late, ipAddress: "127.0.0.1" });
    expect(await jobPayload(booked.id)).toEqual([]);
  });
});
