import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { BookingFlow } from "./fixtures/booking-flow";
import { catalogWords } from "./fixtures/catalog-words";
import { expect, test } from "./fixtures/csp";
import { paidDemoUrl, servePaidDemo } from "./fixtures/paid-demo";
import { uniquePatient, type TestPatient } from "./fixtures/patient";
import { signIn } from "./fixtures/staff";

// A patient buys the demo's package of six therapy sessions on the local fake
// Stripe's hosted page, gets its private link by email (read here from the
// admin's outbox, where the app's worker delivers to its mail catcher), and
// books a therapy session with it without paying: the visits left go down.

const THERAPY = "Physical therapy session";
const ADMIN = "admin@demo.stride.test";
const packages = catalogWords("en", "packages");
const packagesEs = catalogWords("es", "packages");

test.use({ baseURL: paidDemoUrl });

/** The package link in the email the worker sent to `recipient`, read from the admin's outbox. */
async function packageLinkFor(page: Page, recipient: string): Promise<string> {
  await signIn(page, ADMIN);
  await page.waitForURL((url) => url.pathname.startsWith("/staff") && !url.pathname.startsWith("/staff/sign-in"));
  const item = page.getByRole("listitem").filter({ hasText: `to ${recipient}` }).filter({ has: page.getByRole("link", { name: /^Your package: Six therapy sessions$/ }) });
  await expect
    .poll(
      async () => {
        await page.goto("/staff/outbox");
        return item.count();
      },
      // The app's worker sends it after the payment's webhook: give it time on a busy machine.
      { timeout: 150_000, message: `the package email to ${recipient}` },
    )
    .toBe(1);
  await item.getByRole("link").click();
  const text = (await page.locator("pre").textContent()) ?? "";
  const link = /https?:\/\/\S+\/en\/book\?package=[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  if (!link) throw new Error(`No package link in the email:\n${text}`);
  return link;
}

/** From the package link to the summary of a therapy session at the first open time. */
async function therapyWithPackage(flow: BookingFlow, link: string, patient: TestPatient) {
  await flow.page.goto(link);
  await expect(flow.stepHeading(1)).toBeVisible();
  await flow.waitForHydration();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(THERAPY);
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
  await flow.choosePlace(null);
  await flow.continueTo(4);
  await flow.pickFirstSlot();
  await flow.continueTo(5);
  await flow.fillDetails(patient);
}

test.describe("buying a package and booking with it", () => {
  test.describe.configure({ timeout: 300_000 });
  const demo = servePaidDemo("buy-package");

  test("a patient buys six sessions, follows the emailed link and books a session without paying", async ({ page, browser }) => {
    const patient = uniquePatient("package");
    await page.goto("/en/packages");
    await expect(page.getByRole("heading", { level: 1, name: packages.heading })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Six therapy sessions" })).toBeVisible();
    await expect(page.getByText("Price: $600.00")).toBeVisible();
    await expectNoAxeViolations(page, "the packages page");

    await page.getByLabel(packages.form.firstName).fill(patient.firstName);
    await page.getByLabel(packages.form.lastName).fill(patient.lastName);
    await page.getByLabel(packages.form.email).fill(patient.email);
    await page.getByLabel(packages.form.phone).fill(patient.phone);
    await page.getByLabel(packages.form.dateOfBirth).fill(patient.dateOfBirth);
    await page.getByRole("button", { name: packages.form.submit }).press("Enter");
    await page.waitForURL(new RegExp(`^${demo.fake.url}/checkout/cs_test_`));
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: "Pay $600.00" }).click();
    await page.waitForURL(`${paidDemoUrl}/en/packages/bought`);
    await expect(page.getByRole("heading", { level: 1, name: packages.bought.heading })).toBeVisible();
    await expect(page.getByText(packages.bought.body)).toBeVisible();
    await expectNoAxeViolations(page, "the package bought page");

    const staffPage = await browser.newPage({ baseURL: paidDemoUrl });
    const link = await packageLinkFor(staffPage, patient.email);
    await staffPage.close();

    const flow = new BookingFlow(page, "en");
    await therapyWithPackage(flow, link, patient);
    await expect(page.getByRole("status").filter({ hasText: "Covered by your package: 6 visits left." })).toBeVisible();
    // Nothing to pay: the button books at once.
    await expect(page.getByRole("button", { name: flow.t.book.details.submitToPayment })).toHaveCount(0);
    await flow.submitAndExpectBooked();
    expect(demo.fake.events().filter((e) => e.event.type === "checkout.session.completed")).toHaveLength(1);

    // The same link again: one visit fewer.
    await page.evaluate(() => window.sessionStorage.clear());
    await therapyWithPackage(flow, link, patient);
    await expect(page.getByRole("status").filter({ hasText: "Covered by your package: 5 visits left." })).toBeVisible();
  });

  test("the packages page reads in Spanish", async ({ page }) => {
    await page.goto("/es/packages");
    await expect(page.getByRole("heading", { level: 1, name: packagesEs.heading })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Seis sesiones de fisioterapia" })).toBeVisible();
    await expect(page.getByRole("button", { name: packagesEs.form.submit })).toBeVisible();
    await expectNoAxeViolations(page, "the packages page in Spanish");
  });

  test("an administrator sees the package on sale in the settings and takes it off sale", async ({ page }) => {
    const words = catalogWords("en", "staffPackages").offers;
    await signIn(page, ADMIN);
    await page.waitForURL((url) => url.pathname.startsWith("/staff") && !url.pathname.startsWith("/staff/sign-in"));
    await page.goto("/staff/settings/packages");
    await expect(page.getByRole("heading", { level: 1, name: words.heading })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "Six therapy sessions" });
    await expect(row).toContainText("$600.00");
    await expect(row).toContainText(words.onSale);
    await expectNoAxeViolations(page, "the packages settings page");

    await row.getByRole("link", { name: "Six therapy sessions" }).click();
    await expect(page.getByRole("heading", { level: 1, name: words.editHeading })).toBeVisible();
    await page.getByRole("checkbox", { name: words.active }).uncheck();
    await page.getByRole("button", { name: words.save }).click();
    await expect(page.getByRole("status")).toHaveText(words.saved);
    await page.goto("/staff/settings/packages");
    await expect(page.getByRole("row").filter({ hasText: "Six therapy sessions" })).toContainText(words.offSale);

    await page.goto("/en/packages");
    await expect(page.getByText(packages.none)).toBeVisible();
  });
});
