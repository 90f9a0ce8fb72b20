import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { FRONT_DESK, SHORT_IDLE_BASE, expectSignedInAs, signIn } from "./fixtures/staff";

test("staff pages send a visitor to sign-in, and a wrong password says nothing about the account", async ({ page }) => {
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in\?reason=signed-out/);
  await expect(page.getByRole("status")).toHaveText("Please sign in to continue.");
  await expectNoAxeViolations(page, "staff sign-in");

  await signIn(page, FRONT_DESK, "not the password");
  await expect(page.getByText("That email and password do not match an active staff account.")).toBeVisible();
  await signIn(page, "nobody@demo.stride.test", "not the password");
  await expect(page.getByText("That email and password do not match an active staff account.")).toBeVisible();
  await expectNoAxeViolations(page, "staff sign-in with an error");
});

test("the front desk signs in, and signing out ends the session for good", async ({ page, context }) => {
  await signIn(page, FRONT_DESK);
  await expectSignedInAs(page, "Jamie Ortiz · Front desk");
  await expectNoAxeViolations(page, "staff home");
  const cookies = await context.cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/reason=revoked/);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in/);

  // A copy of the old cookie is worth nothing: the session row is revoked.
  await context.addCookies(cookies);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in\?reason=revoked/);
});

test("an idle session warns, can be kept, and then ends", async ({ page }) => {
  const base = SHORT_IDLE_BASE;
  await signIn(page, FRONT_DESK, undefined, base);
  await expect(page).toHaveURL(`${base}/staff`);

  const warning = page.getByRole("alertdialog", { name: "Still there?" });
  await expect(warning).toBeVisible({ timeout: 8_000 });
  await expect(page.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  await page.getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning).toBeHidden();

  await expect(page).toHaveURL(`${base}/staff/sign-in?reason=idle`, { timeout: 15_000 });
  await expect(page.getByRole("status")).toHaveText("You were signed out after 8 seconds without activity.");
  await page.goto(`${base}/staff`);
  await expect(page).toHaveURL(/\/staff\/sign-in/);
});
