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

test("signing out through next-auth's own endpoint ends the server-side session too", async ({ page, context, playwright, baseURL }) => {
  await signIn(page, "dana@demo.stride.test");
  await expect(page).toHaveURL(/\/staff$/);
  // A copy of the session cookie, as a stolen or left-behind one would be.
  const copy = await playwright.request.newContext({ baseURL, storageState: await context.storageState() });
  expect((await copy.get("/api/staff/visits/waiting")).status()).toBe(200);

  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signOut = await page.request.post("/api/auth/signout", { form: { csrfToken }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(signOut.status()).toBe(302);
  expect((await context.cookies()).map((c) => c.name)).not.toContain("authjs.session-token");

  const afterSignOut = await copy.get("/api/staff/visits/waiting");
  expect(afterSignOut.status()).toBe(401);
  expect(await afterSignOut.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
  await copy.dispose();
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

test("a session cookie that was altered, or sealed for another cookie name, opens nothing", async ({ page, context, playwright, baseURL }) => {
  await signIn(page, "dana@demo.stride.test");
  await expect(page).toHaveURL(/\/staff$/);
  const state = await context.storageState();
  const session = state.cookies.find((c) => c.name === "authjs.session-token");
  expect(session, "next-auth's session cookie").toBeDefined();

  const withCookie = async (name: string, value: string) => {
    const other = await playwright.request.newContext({ baseURL });
    const status = (await other.get("/api/staff/visits/waiting", { headers: { cookie: `${name}=${value}` } })).status();
    await other.dispose();
    return status;
  };
  expect(await withCookie("authjs.session-token", session!.value)).toBe(200);
  // One character changed in the middle of the encrypted token.
  const middle = Math.floor(session!.value.length / 2);
  const flipped = session!.value[middle] === "A" ? "B" : "A";
  expect(await withCookie("authjs.session-token", session!.value.slice(0, middle) + flipped + session!.value.slice(middle + 1))).toBe(401);
  // The key is derived from the cookie's name: the same token under the https name does not open.
  expect(await withCookie("__Secure-authjs.session-token", session!.value)).toBe(401);
});
