import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPractice, createStaffMember, patientInput } from "@/test/fixtures";
import { payForVisit } from "@/test/paid-visit";
import type { StaffMember } from "@/lib/auth/mutations";
import { cancelBooking, createBooking } from "@/lib/booking/mutations";
import { getPrisma } from "@/lib/db/client";
import { startFakeStripe, type FakeStripe } from "@/lib/payments/fake-stripe/server";

// The visit panel's money routes as the panel calls them, against the fake
// Stripe over real HTTP and the real database; only the signed-in staff
// member is stubbed.
const KEYS = vi.hoisted(() => {
  const keys = { secret: "sk_test_visitmoney0123456789", webhook: "whsec_visitmoney0123456789" };
  process.env.STRIPE_SECRET_KEY = keys.secret;
  process.env.STRIPE_WEBHOOK_SECRET = keys.webhook;
  process.env.PUBLIC_BASE_URL = "http://clinic.test";
  return keys;
});
const signedIn = vi.hoisted(() => ({ staff: null as StaffMember | null }));
vi.mock("@/lib/auth/require-staff", async () => {
  const { AppError } = await import("@/lib/errors/app-error");
  return {
    authorizeStaff: async (...roles: string[]) => {
      if (!signedIn.staff) throw new AppError("UNAUTHORIZED", "Please sign in again.");
      if (!roles.includes(signedIn.staff.role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
      return signedIn.staff;
    },
  };
});

const { GET: getMoney } = await import("./money/route");
const { POST: postRefund } = await import("./refunds/route");
const { POST: postFee } = await import("./fees/route");

const ZONE = "America/Chicago";
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
  signedIn.staff = await createStaffMember("FRONT_DESK");
});

afterAll(async () => {
  await getPrisma().practice.update({ where: { id: 1 }, data: { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 0, noShowFeeCents: 0 } });
  await fake.close();
});

const start = () => DateTime.now().setZone(ZONE).plus({ days: 3 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });

async function visit(payment: { kind: "deposit" } | { kind: "card"; cardNumber?: string } | { kind: "none" }) {
  const practice = await createPractice({ timeZone: ZONE });
  await getPrisma().service.update({
    where: { id: practice.service.id },
    data: payment.kind === "deposit" ? { priceCents: 12_000, currency: "usd", paymentRule: "DEPOSIT", depositPercent: 25 } : { priceCents: 9000, currency: "usd", paymentRule: "CARD_ON_FILE" },
  });
  const booked = await createBooking(
    { service: practice.service.id, start: start().toISO({ suppressMilliseconds: true })!, mode: "CLINIC", locationId: practice.location.id, patient: patientInput(), language: "en" },
    { now: new Date(), ipAddress: "127.0.0.1" },
  );
  let intent: string | null = null;
  if (payment.kind === "deposit") intent = await payForVisit(stripe, fake, booked.id, { amountCents: 3000 });
  if (payment.kind === "card") await payForVisit(stripe, fake, booked.id, { amountCents: 0, mode: "setup", cardNumber: payment.cardNumber });
  return { booked, intent };
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (handler: typeof postRefund, id: string, body: unknown) =>
  handler(new Request(`http://localhost:3000/api/staff/appointments/${id}/x`, { method: "POST", headers: { "content-type": "application/json", origin: "http://localhost:3000" }, body: JSON.stringify(body) }), params(id));
const money = async (id: string) => (await getMoney(new Request(`http://localhost:3000/api/staff/appointments/${id}/money`), params(id))).json();
const refundsAt = (appointmentId: string) =>
  fake.events().filter((e) => e.event.type === "refund.created" && (e.event.data.object as { metadata: Record<string, string> }).metadata.appointmentId === appointmentId);
const noShow = (id: string) => getPrisma().appointment.update({ where: { id }, data: { status: "NO_SHOW" } });

describe("the desk's refunds", () => {
  it("refund part of a deposit, merged into the ledger at once and audited; the same request again refunds nothing more", async () => {
    const { booked, intent } = await visit({ kind: "deposit" });
    expect(await money(booked.id)).toMatchObject({ currency: "USD", paidCents: 3000, refundedCents: 0, refundableCents: 3000, cardOnFile: true, fee: null });
    expect(await getPrisma().auditLog.count({ where: { action: "payment.money-view", entityId: booked.id } })).toBe(1);

    const requestKey = randomUUID();
    const first = await post(postRefund, booked.id, { amountCents: 1000, requestKey });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ paidCents: 3000, refundedCents: 1000, netCents: 2000, refundableCents: 2000 });
    const again = await post(postRefund, booked.id, { amountCents: 1000, requestKey });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ refundedCents: 1000 });

    expect(refundsAt(booked.id)).toHaveLength(1);
    expect(await getPrisma().paymentRefund.findMany({ where: { paymentIntentId: intent! } })).toHaveLength(1);
    const [entry, ...more] = await getPrisma().auditLog.findMany({ where: { action: "payment.refund", entityId: booked.id } });
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ staffUserId: signedIn.staff!.id, detail: { requestKey, paymentIntentId: intent, amountCents: 1000 } });
  });

  it("refuse more than remains with a clear 422 and write nothing; once all is back, a refund is refused", async () => {
    const { booked, intent } = await visit({ kind: "deposit" });
    expect((await post(postRefund, booked.id, { amountCents: 1000, requestKey: randomUUID() })).status).toBe(200);
    const tooMuch = await post(postRefund, booked.id, { amountCents: 2500, requestKey: randomUUID() });
    expect(tooMuch.status).toBe(422);
    expect((await tooMuch.json()).error.message).toBe("At most $20.00 can be refunded on this visit.");
    expect(await getPrisma().payment.findUniqueOrThrow({ where: { id: intent! } })).toMatchObject({ refundedCents: 1000 });

    expect((await post(postRefund, booked.id, { amountCents: 2000, requestKey: randomUUID() })).status).toBe(200);
    const nothing = await post(postRefund, booked.id, { amountCents: 1, requestKey: randomUUID() });
    expect(nothing.status).toBe(409);
    expect((await nothing.json()).error.message).toBe("Nothing is left to refund on this visit.");
    expect(refundsAt(booked.id)).toHaveLength(2);

    const bad = await post(postRefund, booked.id, { amountCents: 0.5, requestKey: "nope" });
    expect(bad.status).toBe(422);
  });
});

describe("the desk's fee charges", () => {
  it("charge a missed visit's no-show fee to the saved card once, however often the button is pressed, and refuse a second charge", async () => {
    const { booked } = await visit({ kind: "card" });
    await noShow(booked.id);
    expect(await money(booked.id)).toMatchObject({ cardOnFile: true, fee: { kind: "no-show", feeCents: 4000, chargeCents: 4000, paid: false } });

    const requestKey = randomUUID();
    const answers = await Promise.all([post(postFee, booked.id, { kind: "no-show", requestKey }), post(postFee, booked.id, { kind: "no-show", requestKey })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await answers[0]!.json()).toMatchObject({ paidCents: 4000, fee: { kind: "no-show", paid: true } });

    const fees = await getPrisma().payment.findMany({ where: { appointmentId: booked.id, purpose: "fee" } });
    expect(fees).toMatchObject([{ status: "SUCCEEDED", amountCents: 4000, currency: "USD" }]);
    const intent = await stripe.paymentIntents.retrieve(fees[0]!.id);
    expect(intent).toMatchObject({ status: "succeeded", amount: 4000, metadata: { purpose: "fee", appointmentId: booked.id, kind: "no-show" } });

    const second = await post(postFee, booked.id, { kind: "no-show", requestKey: randomUUID() });
    expect(second.status).toBe(409);
    expect((await second.json()).error.message).toBe("The no-show fee of this visit is paid already.");
    expect(await getPrisma().auditLog.count({ where: { action: "payment.fee-charge", entityId: booked.id } })).toBe(1);
  });

  it("charge only the fee less what the deposit keeps", async () => {
    const { booked } = await visit({ kind: "deposit" });
    await noShow(booked.id);
    const answer = await post(postFee, booked.id, { kind: "no-show", requestKey: randomUUID() });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ paidCents: 4000, fee: { feeCents: 4000, chargeCents: 1000, paid: true } });
  });

  it("charge a late cancellation's fee to the card saved for the visit", async () => {
    const { booked } = await visit({ kind: "card" });
    await cancelBooking(booked.manageToken, {}, { now: start().minus({ hours: 3 }).toJSDate(), ipAddress: "127.0.0.1" });
    expect((await post(postFee, booked.id, { kind: "no-show", requestKey: randomUUID() })).status).toBe(409);
    const answer = await post(postFee, booked.id, { kind: "late", requestKey: randomUUID() });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ paidCents: 2000, fee: { kind: "late", chargeCents: 2000, paid: true } });
  });

  it("report a declined card with Stripe's words, record it, and charge a deliberate retry as a new attempt", async () => {
    const { booked } = await visit({ kind: "card", cardNumber: "4000000000000341" });
    await noShow(booked.id);
    const declined = await post(postFee, booked.id, { kind: "no-show", requestKey: randomUUID() });
    expect(declined.status).toBe(402);
    const body = await declined.json();
    expect(body.error.code).toBe("PAYMENT_DECLINED");
    expect(body.error.message).toContain("The card on file was declined: Your card was declined.");
    expect(await getPrisma().payment.findMany({ where: { appointmentId: booked.id } })).toMatchObject([{ status: "FAILED", purpose: "fee", amountCents: 4000 }]);
    expect(await money(booked.id)).toMatchObject({ paidCents: 0, fee: { paid: false }, lastDecline: "Your card was declined." });

    expect((await post(postFee, booked.id, { kind: "no-show", requestKey: randomUUID() })).status).toBe(402);
    const failed = await getPrisma().payment.findMany({ where: { appointmentId: booked.id, status: "FAILED" } });
    expect(new Set(failed.map((p) => p.id)).size).toBe(2);
    expect(await getPrisma().auditLog.count({ where: { action: "payment.fee-declined", entityId: booked.id } })).toBe(2);
  });

  it("refuse a fee for a visit without a saved card", async () => {
    const { booked } = await visit({ kind: "none" });
    await noShow(booked.id);
    const answer = await post(postFee, booked.id, { kind: "no-show", requestKey: randomUUID() });
    expect(answer.status).toBe(409);
    expect((await answer.json()).error.message).toBe("No card is saved for this visit: ask the patient to pay the fee at the clinic.");
  });
});
