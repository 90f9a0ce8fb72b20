import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { FRONT_DESK, expectSignedInAs, signIn } from "./fixtures/staff";

const ADMIN = "admin@demo.stride.test";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/reason=revoked/);
}

test("an administrator creates a front-desk account, and resetting its access retires the old password", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const name = `Casey Quill ${stamp}`;
  const email = `casey-${stamp}@clinic.test`;

  await signIn(page, ADMIN);
  await expectSignedInAs(page, "Alex Moreno · Administrator");
  await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Staff accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff accounts" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Alex Moreno/ })).toContainText("This is you");
  await expectNoAxeViolations(page, "staff accounts");

  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter the person's name.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("THERAPIST");
  await expect(page.getByLabel("Therapist")).toBeVisible();
  await page.getByLabel("Role").selectOption("FRONT_DESK");
  await expect(page.getByLabel("Therapist")).toHaveCount(0);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(`Account created for ${name} (${email}).`)).toBeVisible();
  const firstPassword = (await page.getByTestId("temporary-password").textContent())!;
  expect(firstPassword.length).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Front desk");
  await expectNoAxeViolations(page, "staff accounts after creating one");
  await signOut(page);

  await signIn(page, email, firstPassword);
  await expectSignedInAs(page, `${name} · Front desk`);
  await signOut(page);

  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/admin/staff");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await row.getByRole("button", { name: `Reset access for ${name}` }).click();
  await expect(row.getByText("Access reset; 0 open sessions were ended.")).toBeVisible();
  const secondPassword = (await row.getByTestId("temporary-password").textContent())!;
  expect(secondPassword).not.toBe(firstPassword);

  await page.goto(`/staff/audit?action=staff.reset-access`);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Alex Moreno/ }).first()).toContainText("staff.reset-access");
  await expectNoAxeViolations(page, "audit log");
  await signOut(page);

  await signIn(page, email, firstPassword);
  await expect(page.getByText("That email and password do not match an active staff account.")).toBeVisible();
  await signIn(page, email, secondPassword);
  await expectSignedInAs(page, `${name} · Front desk`);
});

test("the audit log is a plain 404 for the front desk", async ({ page }) => {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  expect((await page.goto("/staff/audit"))?.status()).toBe(404);
  expect((await page.goto("/staff/admin/staff"))?.status()).toBe(404);
});
