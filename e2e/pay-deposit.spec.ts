import type { AvailabilityDto, SlotDto } from "@/lib/booking/api-types";
import { expectNoAxeViolations } from "./fixtures/axe";
import { BookingFlow } from "./fixtures/booking-flow";
import { catalogWords } from "./fixtures/catalog-words";
import { expect, test } from "./fixtures/csp";
import { paidDemoUrl, servePaidDemo } from "./fixtures/paid-demo";
import { uniquePatient } from "./fixtures/patient";

// A patient pays the demo's therapy session deposit (25 % of $110.00) on the
// local fake Stripe's hosted page, from the booking wizard and back. The app
// is its own process on the embedded database with the demo practice, talking
// to a fake Stripe this spec owns, whose webhooks go to the app.

const THERAPY = "Physical therapy session";
const DEPOSIT = /Deposit of \$27\.50 paid online when you book/;
const payment = catalogWords("en", "payment");
const paymentEs = catalogWords("es", "payment");

test.use({ baseURL: paidDemoUrl });

test.describe("paying a deposit online to book a visit", () => {
  test.describe.configure({ timeout: 240_000 });
  const demo = servePaidDemo("pay-deposit");

  /** From the first question to the filled details of the therapy session at its first open time, the deposit shown on the way. */
  async function therapyUpToPayment(flow: BookingFlow): Promise<SlotDto> {
    await flow.open();
    await flow.chooseFirstReason();
    await flow.continueTo(2);
    await flow.chooseService(THERAPY);
    await flow.chooseMode("CLINIC");
    await flow.continueTo(3);
    await flow.choosePlace(null);
    await flow.continueTo(4);
    await expect(flow.page.getByText(DEPOSIT).first()).toBeVisible();
    const chosen = await flow.pickFirstSlot();
    await flow.continueTo(5);
    await expect(flow.page.getByRole("region", { name: flow.t.book.details.appointmentHeading }).getByText(DEPOSIT)).toBeVisible();
    await flow.fillDetails(uniquePatient("deposit"));
    // The button says what happens next: no booking yet, the payment first.
    await expect(flow.page.getByRole("button", { name: flow.t.book.details.submit })).toHaveCount(0);
    await flow.page.getByRole("button", { name: flow.t.book.details.submitToPayment }).press("Enter");
    await flow.page.waitForURL(new RegExp(`^${demo.fake.url}/checkout/cs_test_`));
    await expect(flow.page.getByRole("heading", { name: "Pay $27.50" })).toBeVisible();
    return chosen;
  }

  async function isOffered(request: import("@playwright/test").APIRequestContext, chosen: SlotDto): Promise<boolean> {
    const day = chosen.start.slice(0, 10);
    const answer = await request.get(`/api/availability?service=therapy-session&from=${day}&to=${day}&location=${chosen.locationId}&mode=CLINIC`);
    expect(answer.status()).toBe(200);
    const { slots } = (await answer.json()) as AvailabilityDto;
    return slots.some((s) => s.start === chosen.start && s.therapistId === chosen.therapistId);
  }

  test("the patient pays the deposit on the checkout page and comes back to the booked visit", async ({ page, request }) => {
    const flow = new BookingFlow(page, "en");
    const chosen = await therapyUpToPayment(flow);
    // Held while the patient pays: nobody else is offered the time.
    expect(await isOffered(request, chosen)).toBe(false);

    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: "Pay $27.50" }).click();
    await page.waitForURL(`${paidDemoUrl}/en/book/paid`);
    // The app heard of the payment before the browser came back.
    const completed = demo.fake.events().filter((e) => e.event.type === "checkout.session.completed");
    expect(completed.map((e) => e.attempts.map((a) => a.status))).toEqual([[200]]);

    // Confirming, or (once the payment's webhook has booked it, which may be at once) already the confirmation.
    const manage = catalogWords("en", "manage");
    await expect(page.getByRole("status").filter({ hasText: payment.paid.confirming }).or(page.getByRole("heading", { level: 1, name: manage.bookedTitle }))).toBeVisible();

    // Needs the payment's webhook effect (the hold booked by checkout.session.completed): until then the
    // page says it is confirming, and once booked it opens the visit's confirmation.
    const token = await flow.expectBooked();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(page.getByText(THERAPY).first()).toBeVisible();
    await expect(page.getByText(DEPOSIT).first()).toBeVisible();
  });

  test("the paid page says it is confirming, and without the tab's link points to the confirmation email", async ({ page }) => {
    await page.goto("/en/book/paid");
    await expect(page.getByRole("heading", { level: 1, name: payment.paid.title })).toBeFocused();
    await expect(page.getByRole("status")).toHaveText(payment.paid.noToken);
    await expectNoAxeViolations(page, "the paid page");
    await page.goto("/es/book/paid");
    await expect(page.getByRole("heading", { level: 1, name: paymentEs.paid.title })).toBeFocused();
    await expect(page.getByRole("status")).toHaveText(paymentEs.paid.noToken);
    await expectNoAxeViolations(page, "the paid page in Spanish");
  });

  test("a patient who cancels on the checkout page is told nothing was booked or charged, and the time is free again", async ({ page, request }) => {
    const flow = new BookingFlow(page, "en");
    const chosen = await therapyUpToPayment(flow);
    expect(await isOffered(request, chosen)).toBe(false);

    await page.getByRole("link", { name: "Cancel and return to the practice" }).click();
    await page.waitForURL(`${paidDemoUrl}/en/book/payment-cancelled`);
    await expect(page.getByRole("heading", { level: 1, name: payment.cancelled.title })).toBeFocused();
    await expect(page.getByRole("status")).toHaveText(payment.cancelled.body);
    await expectNoAxeViolations(page, "the payment-cancelled page");
    // The hold is let go at once, not when it would have run out.
    expect(await isOffered(request, chosen)).toBe(true);

    // Back to the time step, with the draft the tab kept.
    await page.getByRole("link", { name: payment.cancelled.chooseTime }).click();
    await expect(flow.stepHeading(4)).toBeVisible();

    await page.goto("/es/book/payment-cancelled");
    await expect(page.getByRole("heading", { level: 1, name: paymentEs.cancelled.title })).toBeFocused();
    await expect(page.getByRole("status")).toHaveText(paymentEs.cancelled.body);
    await expectNoAxeViolations(page, "the payment-cancelled page in Spanish");
  });

  test("a patient who goes back from the checkout page with the browser's back button can send the form again", async ({ page, request }) => {
    const flow = new BookingFlow(page, "en");
    const chosen = await therapyUpToPayment(flow);
    const firstCheckout = page.url();
    await page.goBack();
    await expect(flow.stepHeading(5)).toBeVisible();
    // A page loaded anew asks for the consent again; one from the browser's cache still has it.
    const consent = page.getByRole("checkbox", { name: flow.t.book.details.consent });
    if (!(await consent.isChecked())) {
      await consent.focus();
      await consent.press("Space");
    }
    // The time this tab held is let go first: the patient's own hold does not refuse them their time.
    await page.getByRole("button", { name: flow.t.book.details.submitToPayment }).press("Enter");
    await page.waitForURL(new RegExp(`^${demo.fake.url}/checkout/cs_test_`));
    expect(page.url()).not.toBe(firstCheckout);
    await expect(page.getByRole("heading", { name: "Pay $27.50" })).toBeVisible();

    await page.getByRole("link", { name: "Cancel and return to the practice" }).click();
    await expect(page.getByRole("status")).toHaveText(payment.cancelled.body);
    expect(await isOffered(request, chosen)).toBe(true);
  });
});
