import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { firstRunBaseUrl as base, issueFirstRunSetupLink } from "./fixtures/first-run";

// One installation, one story: the checks run in order on the same database.
test.describe.configure({ mode: "serial" });

test("a new installation says booking is not open yet, in English and Spanish, and its API lists nothing", async ({ page, request }) => {
  for (const endpoint of ["services", "locations", "therapists"]) {
    const response = await request.get(`${base}/api/${endpoint}`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ [endpoint]: [] });
  }
  const slots = await request.get(`${base}/api/availability?service=free-screening&from=2030-01-07&to=2030-01-08`);
  expect(slots.status()).toBe(200);
  expect((await slots.json()).slots).toEqual([]);

  await page.goto(`${base}/en`);
  await expect(page.getByRole("heading", { name: "Online booking is not open yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Book a visit" })).toHaveCount(0);
  await expectNoAxeViolations(page, "the home page before booking opens");
  await page.goto(`${base}/es/book`);
  await expect(page.getByRole("heading", { name: "Las reservas en línea aún no están abiertas" })).toBeVisible();
});

test("an unknown setup link shows a page that reveals nothing", async ({ page }) => {
  await page.goto(`${base}/setup/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "This setup link cannot be used" })).toBeVisible();
  await expectNoAxeViolations(page, "a dead setup link");
  await page.goto(`${base}/setup/nonsense`);
  await expect(page.getByRole("heading", { level: 1, name: "This setup link cannot be used" })).toBeVisible();
});

test("the owner follows the setup link to a signed-in administrator, and the link then dies", async ({ page }) => {
  const link = await issueFirstRunSetupLink();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your practice" })).toBeVisible();
  await expectNoAxeViolations(page, "the setup page");

  const submit = page.getByRole("button", { name: "Create the account and practice" });
  await page.getByLabel("Password").fill("short");
  await submit.click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("group", { name: "There is a problem" })).toBeFocused();
  await expect(page.getByText("Password: Use at least 12 characters.")).toBeVisible();
  await expectNoAxeViolations(page, "the setup page with errors");

  await page.getByLabel("Your name").fill("Olga Owner");
  await page.getByLabel("Your email").fill("owner@riverside.test");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByLabel("Practice name").fill("Riverside Physio");
  await page.getByLabel("Phone (optional)", { exact: true }).fill("+1 541 555 0100");
  await page.getByLabel("Location name").fill("Riverside Clinic");
  await page.getByLabel("Street address").fill("1 River Rd");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("State or region").fill("OR");
  await page.getByLabel("Postal code").fill("97477");
  await page.getByLabel("Time zone").selectOption("America/Los_Angeles");
  await submit.click();

  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await page.getByLabel("Email").fill("owner@riverside.test");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("heading", { name: "Good to see you, Olga" })).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This setup link cannot be used" })).toBeVisible();

  // The public pages now carry the practice's name and phone; booking is still not open.
  await page.goto(`${base}/en`);
  await expect(page.getByRole("banner")).toContainText("Riverside Physio");
  await expect(page.getByRole("region", { name: "Online booking is not open yet" }).getByRole("link", { name: "+1 541 555 0100" })).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "+1 541 555 0100" })).toBeVisible();
  await page.goto(`${base}/es`);
  await expect(page.getByRole("heading", { name: "Las reservas en línea aún no están abiertas" })).toBeVisible();
});
