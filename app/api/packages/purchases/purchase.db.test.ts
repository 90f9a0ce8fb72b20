import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createPractice, patientInput } from "@/test/fixtures";
import { ctx, startIn, zoneAtLocalHour } from "@/test/reminder-visits";
import { createBooking } from "@/lib/booking/mutations";
import { getPrisma } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { COMPOSERS } from "@/lib/message-templates/registry";
import { sendMessage } from "@/lib/messages/send";
import type { FakeStripe } from "@/lib/payments/fake-stripe/server";
import { caughtMailTo, withMailCatcher } from "@/test/mail-catcher";
import { startStripeWebhook, type StripeWebhookHarness } from "@/test/stripe-webhook";

// Buying a package online, end to end below the browser: the purchase route
// opens a checkout on the fake Stripe with the official SDK, the fake's
// signed events reach the real webhook route over HTTP, and the package gets
// its visits once however often Stripe delivers.
const KEYS = vi.hoisted(() => {
  const keys = { secret: "sk_test_packagepurchase0123456789", webhook: "whsec_packagepurchase0123456789" };
  process.env.STRIPE_SECRET_KEY = keys.secret;
  process.env.STRIPE_WEBHOOK_SECRET = keys.webhook;
  return keys;
});

const { POST: webhook } = await import("@/app/api/webhooks/stripe/route");
const { POST: purchase } = await import("./route");
const { POST: balance } = await import("../balance/route");

const smtp = withMailCatcher();
let harness: StripeWebhookHarness;
let fake: FakeStripe;

beforeAll(async () => {
  harness = await startStripeWebhook(KEYS, webhook);
  fake = harness.fake;
});
beforeEach(() => fake.setWebhookUrl(harness.endpoint));
afterAll(() => harness.close());

const ALL_DAY = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 24 * 60, visitModes: ["CLINIC" as const, "HOME" as const] }];
const noParams = { params: Promise.resolve({}) };
const post = (handler: typeof purchase, path: string, body: unknown) =>
  handler(
    new Request(`http://localhost:3000${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify(body),
    }),
    noParams,
  );

async function offered() {
  const zone = zoneAtLocalHour(12);
  const practice = await createPractice({ timeZone: zone, hours: ALL_DAY, service: { horizonDays: 200, minNoticeMinutes: 0 } });
  await getPrisma().service.update({ where: { id: practice.service.id }, data: { priceCents: 11_000, paymentRule: "DEPOSIT", depositPercent: 25 } });
  const offer = await getPrisma().packageOffer.create({ data: { nameEn: "Six sessions", nameEs: "Seis sesiones", serviceId: practice.service.id, visits: 6, validityDays: 183, priceCents: 60_000 } });
  return { practice, offer, zone };
}

const sessionIdOf = (checkoutUrl: string) => new URL(checkoutUrl).pathname.split("/").pop()!;

describe("buying a package online", () => {
  it("gives the package its visits once, however often the payment's webhook arrives, and emails the patient its private link", async () => {
    const { practice, offer, zone } = await offered();
    const patient = patientInput();
    const answer = await post(purchase, "/api/packages/purchases", { offerId: offer.id, patient, language: "es" });
    expect(answer.status).toBe(201);
    const { checkoutUrl } = (await answer.json()) as { checkoutUrl: string };
    const sessionId = sessionIdOf(checkoutUrl);
    const pending = await getPrisma().patientPackage.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(pending).toMatchObject({ visitsLeft: 0, purchasedAt: null });

    expect(await fake.completeSession(sessionId)).toMatchObject({ completed: true, redirectTo: "http://localhost:3000/es/packages/bought" });
    await fake.idle();
    const completed = fake.events().find((e) => e.event.type === "checkout.session.completed" && (e.event.data.object as { id: string }).id === sessionId)!;
    expect(completed.event.data.object).toMatchObject({ metadata: { purpose: "package", offerId: offer.id, patientPackageId: pending.id } });
    // Stripe delivers again, and twice at once: nothing more is added.
    const again = await Promise.all([fake.deliver(completed.event.id), fake.deliver(completed.event.id), fake.deliver(completed.event.id)]);
    expect(again.map((a) => a.status)).toEqual([200, 200, 200]);

    const bought = await getPrisma().patientPackage.findUniqueOrThrow({ where: { id: pending.id }, include: { entries: true } });
    expect(bought.visitsLeft).toBe(6);
    expect(bought.entries.map((e) => [e.kind, e.delta])).toEqual([["PURCHASE", 6]]);
    expect(bought.expiresAt!.getTime() - bought.purchasedAt!.getTime()).toBe(183 * 86_400_000);
    // A package's checkout is not a held time: the booking's handler leaves it alone.
    expect(await getPrisma().appointment.count({ where: { serviceId: practice.service.id } })).toBe(0);

    const messages = await getPrisma().message.findMany({ where: { dedupeKey: `package:${pending.id}` } });
    expect(messages).toHaveLength(1);
    expect(await sendMessage(messages[0]!.id, COMPOSERS, smtp.transport())).toBe("sent");
    const [mail] = await caughtMailTo(patient.email);
    expect(mail!.subject).toBe("Su paquete: Seis sesiones");
    expect(mail!.text).toContain("6 visitas de Terapia");
    const code = /\/es\/book\?package=([A-Za-z0-9_-]{43})/.exec(mail!.text!)?.[1];
    expect(code).toBeDefined();
    // Only the code's hash is kept.
    expect(JSON.stringify(bought)).not.toContain(code!);

    // The link's code books without paying and the balance goes down.
    const ask = async () => (await post(balance, "/api/packages/balance", { code, service: practice.service.slug })).json();
    expect(await ask()).toMatchObject({ visitsLeft: 6 });
    await createBooking(
      { service: practice.service.id, start: startIn(3, zone), mode: "CLINIC", locationId: practice.location.id, patient, language: "es", packageCode: code },
      ctx(),
    );
    expect(await ask()).toMatchObject({ visitsLeft: 5 });
  });

  it("gives a package paid by bank debit its visits when the payment arrives, not when its checkout completes unpaid", async () => {
    const { offer } = await offered();
    const answer = await post(purchase, "/api/packages/purchases", { offerId: offer.id, patient: patientInput(), language: "en" });
    const sessionId = sessionIdOf(((await answer.json()) as { checkoutUrl: string }).checkoutUrl);
    fake.setWebhookUrl(null);
    expect(await fake.completeSession(sessionId)).toMatchObject({ completed: true });
    const completed = fake.events().find((e) => e.event.type === "checkout.session.completed" && (e.event.data.object as { id: string }).id === sessionId)!;
    fake.setWebhookUrl(harness.endpoint);
    const event = completed.event;
    const send = (body: object) => {
      const payload = JSON.stringify(body);
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: KEYS.webhook, timestamp: Math.floor(Date.now() / 1000) });
      return fetch(harness.endpoint, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
    };
    expect((await send({ ...event, id: `evt_pkg_unpaid${Date.now()}`, data: { object: { ...event.data.object, payment_status: "unpaid" } } })).status).toBe(200);
    const pending = await getPrisma().patientPackage.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(pending).toMatchObject({ visitsLeft: 0, purchasedAt: null });
    expect((await send({ ...event, id: `evt_pkg_async${Date.now()}`, type: "checkout.session.async_payment_succeeded" })).status).toBe(200);
    expect((await getPrisma().patientPackage.findUniqueOrThrow({ where: { id: pending.id } })).visitsLeft).toBe(6);
  });

  it("refuses an unknown code with the same words as any other unusable one", async () => {
    const { practice } = await offered();
    const answer = await post(balance, "/api/packages/balance", { code: "A".repeat(43), service: practice.service.slug });
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toContain("cannot be used for this visit");
  });
});
