import { expect, test } from "./fixtures/csp";
import { expectNoAxeViolations } from "./fixtures/axe";
import { signIn } from "./fixtures/staff";

const ADMIN = "admin@demo.stride.test";

test("an administrator sends a test email, which goes through SMTP to the mail catcher and can be read there", async ({ page }) => {
  // Two axe runs and a wait for the worker's process: more than the default minute on a busy machine.
  test.slow();
  const recipient = `check.${Date.now()}@clinic.test`;
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expect(page.getByText("No mail server is configured")).toBeVisible();

  // A wrong address is refused beside its field, and nothing is queued.
  await page.getByLabel("Send to").fill("not an address");
  await page.getByRole("button", { name: "Send a test email" }).click();
  await expect(page.getByText("Enter an email address, e.g. you@example.com.")).toBeVisible();

  await page.getByLabel("Send to").fill(recipient);
  await page.getByLabel("Language").selectOption("es");
  // A double click sends one email.
  await page.getByRole("button", { name: "Send a test email" }).dblclick();
  await expect(page.getByRole("status").filter({ hasText: `A test email to ${recipient} is on its way` })).toBeVisible();

  // The worker sends it in its own process; the page shows it once it has.
  const row = page.getByRole("row").filter({ hasText: recipient });
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("Sent", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Mensaje de prueba de");
  await expectNoAxeViolations(page, "outbox");

  await page.getByRole("listitem").filter({ hasText: `to ${recipient}` }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /Mensaje de prueba de/ })).toBeVisible();
  await expect(page.getByText("Este mensaje confirma que Stride puede enviar correo")).toBeVisible();
  await expect(page.frameLocator("iframe").getByRole("heading", { name: /Mensaje de prueba de/ })).toBeVisible();
  // The frame is the email itself, sandboxed so that it can run nothing: axe cannot run in it either.
  await expectNoAxeViolations(page, "caught email", { exclude: ["iframe"] });
});

test("the outbox is a plain 404 for the front desk", async ({ page }) => {
  await signIn(page, "frontdesk@demo.stride.test");
  await expect(page).toHaveURL(/\/staff$/);
  const response = await page.goto("/staff/outbox");
  expect(response?.status()).toBe(404);
});
