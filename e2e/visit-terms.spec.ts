import { expect, test } from "@playwright/test";
import { formatLongDate, formatTime } from "@/lib/i18n/format-date-time";
import { formatPrice } from "@/lib/i18n/format-price";
import { expectNoAxeViolations } from "./fixtures/axe";
import { BookingFlow } from "./fixtures/booking-flow";
import { uniquePatient } from "./fixtures/patient";
import { createTermsPractice, retireTermsPractice, setTermsPaymentRule, TERMS_CUTOFF_MINUTES, TERMS_PRICE_CENTS, type TermsPractice } from "./fixtures/terms-practice";

// Before confirming, the patient sees what the visit costs, how it is paid and
// until when it can be changed online; a time inside the cut-off says so
// before it is chosen, and the summary says it plainly once it is.

const ZONE = "America/Denver";
let practice: TermsPractice;

test.beforeAll(async () => {
  practice = await createTermsPractice();
});

test.afterAll(async () => {
  await retireTermsPractice(practice);
});

async function goToTimeStep(flow: BookingFlow) {
  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(practice.serviceName[flow.language]);
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
  await flow.choosePlace(practice.locationName);
  await flow.continueTo(4);
}

test("a time inside the cut-off is marked before it is chosen, and the summary warns it cannot be changed online", async ({ page }) => {
  const flow = new BookingFlow(page, "en");
  const terms = flow.t.terms;
  await goToTimeStep(flow);

  // The terms, before any time is chosen.
  const box = page.getByRole("region", { name: "Price and changes" });
  await expect(box.getByRole("definition")).toHaveText([
    "$95.00",
    "Pay at the clinic when you come in. There is no payment online.",
    "You can change or cancel online until 48 hours before your visit.",
  ]);

  // The first times start within two days: each is marked in words and in its name; later ones are not.
  const group = flow.slotGroup();
  await expect(group.getByText(terms.finalNote)).toBeVisible();
  const first = group.getByRole("radio").first();
  await expect(first).toHaveAccessibleName(/\(cannot be changed or cancelled online once booked\)$/);
  await expect(first.locator("xpath=..")).toContainText("Final");
  await expectNoAxeViolations(page, "step 4 with times inside the cut-off");
  // Later days have times outside the cut-off, without the mark.
  const unmarked = group.locator(`input[type="radio"]:not([aria-label*="${terms.finalName}"])`);
  await flow.showDayWith(unmarked);
  await expect(unmarked.first()).toBeAttached();

  await flow.choose(flow.dayGroup().getByRole("radio", { disabled: false }).first());
  await flow.choose(first);
  const warning = `This time cannot be changed or cancelled online after you book it. To change it later, call the clinic at ${practice.phone}.`;
  await expect(page.getByText(warning)).toBeVisible();
  await flow.continueTo(5);

  const summary = page.getByRole("region", { name: flow.t.book.details.appointmentHeading });
  await expect(summary.getByText(warning)).toBeVisible();
  await expect(summary.getByText("$95.00")).toBeVisible();
  await expect(summary.getByText("Pay at the clinic when you come in. There is no payment online.")).toBeVisible();
  await expectNoAxeViolations(page, "step 5 with a time inside the cut-off");

  await flow.fillDetails(uniquePatient("terms-final"));
  await flow.submitAndExpectBooked();
  const details = page.getByRole("region", { name: flow.manage.summaryHeading });
  await expect(details.getByText("$95.00")).toBeVisible();
  await expect(page.getByText(flow.manage.noChanges)).toBeVisible();
});

test("el precio, cómo pagar y hasta cuándo se puede cambiar, en español, del paso de la hora a la confirmación", async ({ page }) => {
  const flow = new BookingFlow(page, "es");
  const terms = flow.t.terms;
  const price = formatPrice(TERMS_PRICE_CENTS, "USD", "es");
  const pay = "Pague en la clínica cuando llegue. No hay pago en línea.";
  await goToTimeStep(flow);

  const box = page.getByRole("region", { name: "Precio y cambios" });
  await expect(box.getByRole("definition")).toHaveText([price, pay, "Puede cambiar o cancelar en línea hasta 48 horas antes de su visita."]);

  const group = flow.slotGroup();
  await expect(group.getByRole("radio").first()).toHaveAccessibleName(/\(no se puede cambiar ni cancelar en línea una vez reservada\)$/);
  await expect(group.getByText(terms.finalMark).first()).toBeVisible();

  // A time after the cut-off: the exact deadline, in the clinic's zone.
  const open = group.locator(`input[type="radio"]:not([aria-label*="${terms.finalName}"])`).first();
  await flow.showDayWith(open);
  await flow.choose(open);
  const [start] = (await open.inputValue()).split("|");
  const deadlineIso = new Date(Date.parse(start!) - TERMS_CUTOFF_MINUTES * 60_000).toISOString();
  // The Spanish time ends in "a.m." or "p.m.", whose own period closes each sentence below.
  const deadline = `${formatLongDate(deadlineIso, ZONE, "es")}, ${formatTime(deadlineIso, ZONE, "es")}`;
  await expect(page.getByText(`Para esta hora, puede cambiar o cancelar en línea hasta el ${deadline}`)).toBeVisible();
  await flow.continueTo(5);

  const summary = page.getByRole("region", { name: flow.t.book.details.appointmentHeading });
  await expect(summary.getByText(price)).toBeVisible();
  await expect(summary.getByText(pay)).toBeVisible();
  await expect(summary.getByText(`Para esta hora, puede cambiar o cancelar en línea hasta el ${deadline}`)).toBeVisible();

  await flow.fillDetails(uniquePatient("terms-es", "Marta"));
  await flow.submitAndExpectBooked();
  const details = page.getByRole("region", { name: flow.manage.summaryHeading });
  await expect(details.getByText(price)).toBeVisible();
  await expect(details.getByText(pay)).toBeVisible();
  await expect(page.getByText(`Puede cambiar o cancelar en línea hasta el ${deadline}`)).toBeVisible();
});

test("a service with a deposit: while online payment is off the patient reads pay at the clinic, and the practice's fees from the time step to the confirmation", async ({ page }) => {
  await setTermsPaymentRule(practice, "DEPOSIT", 25);
  try {
    const flow = new BookingFlow(page, "en");
    await goToTimeStep(flow);
    // The demo practice's policy: a 24-hour window, a $25 late fee and a $40 no-show fee.
    const pay = "Pay at the clinic when you come in. There is no payment online.";
    const fees = "Cancelling less than 24 hours before: $25.00 fee. Missed visit: $40.00 fee.";
    const box = page.getByRole("region", { name: "Price and changes" });
    await expect(box.getByRole("term")).toHaveText(["Price", "Payment", "Fees", "Changes"]);
    await expect(box.getByRole("definition")).toHaveText(["$95.00", pay, fees, "You can change or cancel online until 48 hours before your visit."]);
    await expectNoAxeViolations(page, "step 4 with fees");

    const open = flow.slotGroup().locator(`input[type="radio"]:not([aria-label*="${flow.t.terms.finalName}"])`).first();
    await flow.showDayWith(open);
    await flow.choose(open);
    await flow.continueTo(5);
    const summary = page.getByRole("region", { name: flow.t.book.details.appointmentHeading });
    await expect(summary.getByText(pay)).toBeVisible();
    await expect(summary.getByText(fees)).toBeVisible();

    await flow.fillDetails(uniquePatient("terms-deposit"));
    await flow.submitAndExpectBooked();
    const details = page.getByRole("region", { name: flow.manage.summaryHeading });
    await expect(details.getByText(pay)).toBeVisible();
    await expect(details.getByText(fees)).toBeVisible();
    await expectNoAxeViolations(page, "the confirmation with fees");
  } finally {
    await setTermsPaymentRule(practice, "NONE");
  }
});
