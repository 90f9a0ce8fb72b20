import { randomUUID } from "node:crypto";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import pg from "pg";
import type { AvailabilityDto, SlotDto } from "@/lib/booking/api-types";
import { embeddedDatabaseUrl } from "@/lib/db/embedded-credentials";
import { expectNoAxeViolations } from "./fixtures/axe";
import { BookingFlow } from "./fixtures/booking-flow";
import { catalogWords } from "./fixtures/catalog-words";
import { expect, test } from "./fixtures/csp";
import { paidDemoPorts, paidDemoUrl, servePaidDemo } from "./fixtures/paid-demo";
import { uniquePatient } from "./fixtures/patient";
import { FRONT_DESK, signIn } from "./fixtures/staff";

// A patient pays the therapy session's deposit on the local fake Stripe's
// page, then cancels inside the late window and is shown, before and after,
// what goes back; the front desk charges a missed card-on-file visit's
// no-show fee, and meets a declined card. The app is its own process on the
// embedded database with the demo practice and a fake Stripe this spec owns.
const manage = catalogWords("en", "manage");

test.use({ baseURL: paidDemoUrl });

test.describe("refunds by policy and fees to the card on file", () => {
  test.describe.configure({ timeout: 240_000 });
  const demo = servePaidDemo("refund-and-fee");

  test.beforeAll(async () => {
    // The first open time is days ahead and the demo's window is a day: a window of sixty days
    // puts every open time inside it, so the patient cancels online, late.
    await sql(`UPDATE "Practice" SET "lateCancelWindowMinutes" = 86400 WHERE "id" = 1`);
  });

  async function sql(query: string, values: unknown[] = []) {
    const db = new pg.Client({ connectionString: embeddedDatabaseUrl(path.join(demo.dataRoot, "pg"), paidDemoPorts.pg) });
    await db.connect();
    try {
      await db.query(query, values);
    } finally {
      await db.end();
    }
  }

  test("a patient pays a deposit, cancels inside the late window and is shown the refund before and after", async ({ page }) => {
    const flow = new BookingFlow(page, "en");
    await flow.open();
    await flow.chooseFirstReason();
    await flow.continueTo(2);
    await flow.chooseService("Physical therapy session");
    await flow.chooseMode("CLINIC");
    await flow.continueTo(3);
    await flow.choosePlace(null);
    await flow.continueTo(4);
    await flow.pickFirstSlot();
    await flow.continueTo(5);
    await flow.fillDetails(uniquePatient("refund"));
    await flow.page.getByRole("button", { name: flow.t.book.details.submitToPayment }).press("Enter");
    await page.waitForURL(new RegExp(`^${demo.fake.url}/checkout/cs_test_`));
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: "Pay $27.50" }).click();
    await flow.expectBooked();

    // Deposit $27.50, late fee $25.00: $2.50 goes back, and the patient reads it before confirming.
    await page.getByRole("button", { name: manage.cancel.open }).click();
    const panel = page.getByRole("region", { name: manage.cancel.heading });
    await expect(panel.getByText("You paid $27.50. If you cancel now, $2.50 will go back to your card.")).toBeVisible();
    await expect(panel.getByText(/\$25\.00 is kept as the late-cancellation fee/)).toBeVisible();
    await expectNoAxeViolations(page, "the cancel panel with its refund");
    await panel.getByRole("button", { name: manage.cancel.confirm }).press("Enter");

    await expect(page.getByRole("heading", { level: 1, name: manage.cancelledTitle })).toBeVisible();
    await expect(page.getByText("$2.50 of what you paid goes back to your card.")).toBeVisible();
    await expect(page.getByText("$25.00 was kept as the late-cancellation fee.")).toBeVisible();
    // The worker gives it back: one refund of $2.50 at Stripe.
    await expect
      .poll(() => demo.fake.events().filter((e) => e.event.type === "refund.created").map((e) => (e.event.data.object as { amount: number }).amount), { timeout: 30_000 })
      .toEqual([250]);
  });

  /** The demo's exercise review (a card on file) at its first open time, its card saved on the fake's page; returns the patient's surname. */
  async function cardOnFileVisit(request: APIRequestContext, cardNumber: string): Promise<{ surname: string; chosen: SlotDto }> {
    const { locations } = (await (await request.get("/api/locations")).json()) as { locations: { id: string; slug: string }[] };
    const location = locations.find((l) => l.slug === "el-paso-westside")!;
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const answer = await request.get(`/api/availability?service=exercise-program-review&from=${from}&to=${to}&location=${location.id}&mode=CLINIC`);
    const { slots } = (await answer.json()) as AvailabilityDto;
    const chosen = slots[Math.floor(Math.random() * Math.min(slots.length, 20))]!;
    const surname = `Fee${Date.now()}`;
    const booked = await request.post("/api/bookings", {
      data: {
        service: "exercise-program-review",
        start: chosen.start,
        therapistId: chosen.therapistId,
        mode: "CLINIC",
        locationId: location.id,
        patient: { ...uniquePatient("fee", "Robin"), lastName: surname },
        language: "en",
        idempotencyKey: randomUUID(),
      },
    });
    expect(booked.status()).toBe(202);
    const { checkoutUrl, manageToken } = (await booked.json()) as { checkoutUrl: string; manageToken: string };
    expect(await demo.fake.completeSession(checkoutUrl.split("/").pop()!, { cardNumber })).toMatchObject({ completed: true });
    await expect.poll(async () => (await request.get(`/api/bookings/${manageToken}`)).status(), { timeout: 20_000 }).toBe(200);
    // A visit is marked missed only once its start has passed: the booked visit is moved five weeks back, where the demo has none.
    await sql(
      `UPDATE "Appointment" SET "startsAt" = "startsAt" - interval '35 days', "endsAt" = "endsAt" - interval '35 days',
         "blockedFrom" = "blockedFrom" - interval '35 days', "blockedUntil" = "blockedUntil" - interval '35 days' WHERE "patientLastName" = $1`,
      [surname],
    );
    const date = new Date(Date.parse(`${chosen.start.slice(0, 10)}T12:00:00Z`) - 35 * 86_400_000).toISOString().slice(0, 10);
    return { surname, chosen: { ...chosen, start: `${date}${chosen.start.slice(10)}` } };
  }

  async function markNoShowInPanel(page: Page, chosen: SlotDto, surname: string) {
    await page.goto(`/staff/calendar?location=${chosen.locationId}&date=${chosen.start.slice(0, 10)}&view=day`);
    await expect(page.getByRole("heading", { name: "Calendar" })).toBeVisible();
    const card = page.locator("[data-appointment-id]", { hasText: surname });
    await card.focus();
    await page.keyboard.press("Enter");
    const panel = page.getByRole("complementary", { name: `Robin ${surname}` });
    await expect(panel.getByRole("heading", { name: "Payment" })).toBeVisible();
    await expect(panel.getByText("Card on file")).toBeVisible();
    await panel.getByRole("button", { name: "No-show" }).press("Enter");
    const confirm = page.getByRole("dialog", { name: `Mark Robin ${surname} as a no-show?` });
    await confirm.getByRole("button", { name: "Yes, mark as no-show" }).press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "no-show saved" })).toBeVisible();
    return panel;
  }

  test("the desk charges a missed card-on-file visit's no-show fee to the saved card, once", async ({ page }) => {
    const { surname, chosen } = await cardOnFileVisit(page.request, "4242 4242 4242 4242");
    await signIn(page, FRONT_DESK);
    await expect(page).toHaveURL(/\/staff$/);
    const panel = await markNoShowInPanel(page, chosen, surname);
    const charge = panel.getByRole("button", { name: "Charge no-show fee ($40.00)" });
    await expect(charge).toBeVisible();
    await expectNoAxeViolations(page, "the visit panel's money");
    await charge.press("Enter");
    await expect(panel.getByRole("status").filter({ hasText: "The fee is paid." })).toBeVisible();
    await expect(panel.getByText("Paid", { exact: true })).toBeVisible();
    await expect(panel.getByRole("button", { name: /Charge no-show fee/ })).toHaveCount(0);
    expect(demo.fake.events().filter((e) => e.event.type === "payment_intent.succeeded" && (e.event.data.object as { metadata: Record<string, string> }).metadata.purpose === "fee")).toHaveLength(1);
  });

  test("a declined saved card is reported to the desk with the card's answer, and nothing is charged", async ({ page }) => {
    const { surname, chosen } = await cardOnFileVisit(page.request, "4000 0000 0000 0341");
    await signIn(page, FRONT_DESK);
    await expect(page).toHaveURL(/\/staff$/);
    const panel = await markNoShowInPanel(page, chosen, surname);
    await panel.getByRole("button", { name: "Charge no-show fee ($40.00)" }).press("Enter");
    await expect(panel.getByRole("alert").filter({ hasText: "The card on file was declined: Your card was declined." })).toBeVisible();
    await expect(panel.getByText("Last attempt declined: Your card was declined.")).toBeVisible();
    await expectNoAxeViolations(page, "the visit panel with a declined card");
  });
});
