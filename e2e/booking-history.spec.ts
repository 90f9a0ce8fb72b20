import { expect, test } from "./fixtures/csp";
import { findService } from "./fixtures/api";
import { BookingFlow } from "./fixtures/booking-flow";

const OTHER_REASON_TEXT = "Stiff ankle after a long hike";

/** Up to the time step: a reason typed in, a free screening in the clinic, the first clinic. */
async function reachTimeStep(flow: BookingFlow, serviceName: string) {
  const { page, t } = flow;
  await flow.open();
  await expect(page).toHaveURL(/\/en\/book$/);
  await flow.choose(page.getByRole("radio", { name: t.book.reason.other, exact: true }));
  await page.getByLabel(t.book.reason.otherLabel).fill(OTHER_REASON_TEXT);
  await flow.continueTo(2);
  await expect(page).toHaveURL(/\/en\/book\?step=kind$/);
  await flow.chooseService(serviceName);
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
  await expect(page).toHaveURL(/\/en\/book\?step=place$/);
  await flow.choosePlace(null);
  const place = await page.getByRole("radio", { checked: true }).first().getAttribute("id");
  await flow.continueTo(4);
  await expect(page).toHaveURL(/\/en\/book\?step=time$/);
  return { place };
}

test("the browser's Back and Forward move between the booking steps, keep what was typed and focus each step's heading", async ({ page, request }) => {
  const screening = await findService(request, "free-screening");
  const flow = new BookingFlow(page, "en");
  const { place } = await reachTimeStep(flow, screening.name.en);

  await page.goBack();
  await expect(page).toHaveURL(/\/en\/book\?step=place$/);
  await expect(flow.stepHeading(3)).toBeFocused();
  await expect(page.locator(`#${place}`)).toBeChecked();

  await page.goBack();
  await expect(page).toHaveURL(/\/en\/book\?step=kind$/);
  await expect(flow.stepHeading(2)).toBeFocused();
  await expect(page.getByRole("radio", { name: screening.name.en, exact: true })).toBeChecked();

  await page.goBack();
  await expect(page).toHaveURL(/\/en\/book$/);
  await expect(flow.stepHeading(1)).toBeFocused();
  await expect(page.getByLabel(flow.t.book.reason.otherLabel)).toHaveValue(OTHER_REASON_TEXT);

  await page.goForward();
  await expect(page).toHaveURL(/\/en\/book\?step=kind$/);
  await expect(flow.stepHeading(2)).toBeFocused();
  await page.goForward();
  await expect(page).toHaveURL(/\/en\/book\?step=place$/);
  await expect(flow.stepHeading(3)).toBeFocused();
  await expect(page.locator(`#${place}`)).toBeChecked();

  // The form's own Back goes back in history too, so the browser's Forward returns.
  await page.getByRole("button", { name: flow.t.book.back }).press("Enter");
  await expect(page).toHaveURL(/\/en\/book\?step=kind$/);
  await expect(flow.stepHeading(2)).toBeFocused();
  await page.goForward();
  await expect(flow.stepHeading(3)).toBeFocused();
});

test("a reload stays on the step, and a later step opened without the earlier choices falls back to the first missing one", async ({ page, request, browser }) => {
  const screening = await findService(request, "free-screening");
  const flow = new BookingFlow(page, "en");
  await reachTimeStep(flow, screening.name.en);
  await page.goBack();
  await expect(flow.stepHeading(3)).toBeFocused();

  // The server renders without the stored draft; the browser restores it after hydration, so the two never disagree.
  const reactErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") reactErrors.push(message.text());
  });
  page.on("pageerror", (error) => reactErrors.push(error.message));
  await page.reload();
  await expect(page).toHaveURL(/\/en\/book\?step=place$/);
  await expect(flow.stepHeading(3)).toBeVisible();
  await expect(page.getByRole("radio", { name: flow.t.book.place.firstAvailable })).toBeChecked();
  await page.goBack();
  await expect(flow.stepHeading(2)).toBeFocused();
  await expect(page.getByRole("radio", { name: screening.name.en, exact: true })).toBeChecked();
  // Opened without a step (as the language switch opens it), the form resumes where the patient was.
  await page.goto("/en/book");
  await expect(flow.stepHeading(2)).toBeVisible();
  await expect(page).toHaveURL(/\/en\/book\?step=kind$/);
  expect(reactErrors.filter((text) => /hydrat|#418|#423|#425/i.test(text))).toEqual([]);

  // A new tab has no draft: the link to the time step starts at the first question.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const fresh = await context.newPage();
    await fresh.goto("/en/book?step=time");
    await expect(new BookingFlow(fresh, "en").stepHeading(1)).toBeVisible();
    await expect(fresh).toHaveURL(/\/en\/book$/);
  } finally {
    await context.close();
  }
});

test("the first question comes with the page, before any script runs", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/es/book");
    const t = new BookingFlow(page, "es").t;
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(t.book.reason.title) })).toBeVisible();
    await expect(page.getByRole("radio").first()).toBeEnabled();
    await expect(page.getByText(t.book.loading)).toHaveCount(0);
  } finally {
    await context.close();
  }
});
