import type { Route } from "@playwright/test";
import { expect, test } from "./fixtures/csp";
import { BookingFlow } from "./fixtures/booking-flow";

// On a slow phone the first question is on screen well before the page's
// script has arrived. A patient who answers it then must not lose the answer:
// the form is a plain HTML form, and the server takes its submission.

test("a patient who answers the first question before the page's script has loaded goes on to the next step with the answer kept", async ({ page }) => {
  // Hold every script of the app until the patient has answered and pressed Continue.
  const held: Route[] = [];
  let holding = true;
  await page.route("**/_next/static/**/*.js", (route) => {
    if (holding) held.push(route);
    else void route.continue();
  });
  const flow = new BookingFlow(page, "en");
  const { t } = flow;
  await page.goto("/en/book", { waitUntil: "commit" });
  await expect(flow.stepHeading(1)).toBeVisible();
  const first = page.getByRole("radio").first();
  const reasonSlug = await first.getAttribute("value");
  const reasonName = await page.locator(`label[for="${await first.getAttribute("id")}"]`).innerText();
  await first.check();
  await page.getByRole("button", { name: t.book.continue, exact: true }).click();

  // The browser submitted the form itself, with no script run.
  await expect(page).toHaveURL(new RegExp(`/en/book\\?step=kind&reason=${reasonSlug}`));
  expect(held.length).toBeGreaterThan(0);

  holding = false;
  for (const route of held.splice(0)) await route.continue();

  await expect(flow.stepHeading(2)).toBeVisible();
  // The answer has left the address once the script took over; the step stays.
  await expect(page).toHaveURL(/\/en\/book\?step=kind$/);
  await page.getByRole("button", { name: t.book.back, exact: true }).click();
  await expect(flow.stepHeading(1)).toBeVisible();
  await expect(page.getByRole("radio", { name: reasonName, exact: true })).toBeChecked();
});

test("the first question's own text field appears for Something else before any script runs", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/es/book");
    const { t } = new BookingFlow(page, "es");
    const other = page.getByLabel(t.book.reason.otherLabel);
    await expect(other).toBeHidden();
    await page.getByRole("radio", { name: t.book.reason.other, exact: true }).check();
    await expect(other).toBeVisible();
    await other.fill("Tobillo rígido");
    await page.getByRole("button", { name: t.book.continue, exact: true }).click();
    await expect(page).toHaveURL(/\/es\/book\?step=kind&reason=_other&other=Tobillo/);
  } finally {
    await context.close();
  }
});
