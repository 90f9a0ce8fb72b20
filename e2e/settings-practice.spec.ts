import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { signIn } from "./fixtures/staff";

const ADMIN = "admin@demo.stride.test";
// A real 1×1 PNG, so the header's picture is seen to load.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');

async function save(page: Page) {
  await page.getByRole("button", { name: "Save the practice’s details" }).click();
}

test("an administrator renames the practice and uploads a logo and a Spanish cancellation policy; patients see them at once, and an SVG named .png changes nothing", async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Practice" })).toBeVisible();
  await expectNoAxeViolations(page, "practice settings");

  const nameField = page.getByLabel("Practice name");
  const policyField = page.getByLabel("Cancellation policy in Spanish (optional)");
  const originalName = await nameField.inputValue();
  const originalPolicy = await policyField.inputValue();
  const newName = `Clínica Mesa ${Date.now().toString(36)}`;
  const newPolicy = `Cancele antes de las 18:00 del día anterior.\n\nSin costo. ${Date.now().toString(36)}`;

  try {
    await nameField.fill(newName);
    await page.getByLabel("Logo (optional)").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
    await policyField.fill(newPolicy);
    await save(page);
    await expect(page.getByRole("status")).toHaveText("Saved. Patients see the new details on the next page they open.");
    await expect(page.getByRole("img", { name: "The practice’s current logo" })).toBeVisible();
    await expectNoAxeViolations(page, "practice settings with a logo");

    const patient = await (await browser.newContext()).newPage();
    await patient.goto("/en");
    const banner = patient.getByRole("banner");
    await expect(banner.getByRole("link", { name: newName })).toBeVisible();
    const logo = banner.getByRole("img", { name: newName });
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await expect(patient).toHaveTitle(newName);

    await patient.goto("/es");
    await patient.getByRole("contentinfo").getByRole("link", { name: "Política de cancelación" }).click();
    await expect(patient).toHaveURL(/\/es\/cancellation-policy$/);
    await expect(patient.getByRole("heading", { level: 1, name: "Política de cancelación" })).toBeVisible();
    await expect(patient.getByText("Cancele antes de las 18:00 del día anterior.")).toBeVisible();
    await expect(patient).toHaveTitle(`Política de cancelación · ${newName}`);
    await expectNoAxeViolations(patient, "the Spanish cancellation policy");

    // An SVG is a document that can carry scripts: whatever its name, it is refused, and the
    // name typed beside it is not saved either.
    await nameField.fill("Should Not Be Saved");
    await page.getByLabel("Replace the logo (optional)").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: SVG });
    await save(page);
    const summary = page.getByRole("group", { name: "Nothing was saved. Please check:" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: /^Replace the logo|^Logo: The file is not a PNG, JPEG or WebP picture/ })).toBeVisible();
    await expect(page.getByLabel("Replace the logo (optional)")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, "practice settings after a refusal");

    await patient.goto("/en");
    await expect(patient.getByRole("banner").getByRole("link", { name: newName })).toBeVisible();
    await page.goto("/staff/settings");
    await expect(nameField).toHaveValue(newName);
    await patient.context().close();
  } finally {
    // The demo practice is shared by every spec of the run: put it back as it was.
    await page.goto("/staff/settings");
    await nameField.fill(originalName);
    await policyField.fill(originalPolicy);
    const remove = page.getByLabel("Remove the logo (patients see the name alone)");
    if (await remove.count()) await remove.check();
    await save(page);
    await expect(page.getByRole("status")).toContainText(/Saved|Nothing had changed/);
  }
});

test("an administrator sets the cancellation fees, a bad amount is refused, and the services that take a payment or a card carry the new fees to patients", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/settings");
  const window = page.getByLabel("Late-cancellation window, hours before the visit", { exact: true });
  const lateFee = page.getByLabel("Late-cancellation fee", { exact: true });
  const noShowFee = page.getByLabel("No-show fee", { exact: true });
  // The demo practice's policy, as the seed set it.
  await expect(window).toHaveValue("24");
  await expect(lateFee).toHaveValue("25.00");
  await expect(noShowFee).toHaveValue("40.00");

  try {
    await window.fill("48");
    await lateFee.fill("-5");
    await save(page);
    const summary = page.getByRole("group", { name: "Nothing was saved. Please check:" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Late-cancellation fee: Enter the late-cancellation fee in dollars and cents, e.g. 25.00 (0 for none)." })).toBeVisible();
    await expect(lateFee).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, "practice settings with a fee refused");

    await lateFee.fill("30");
    await noShowFee.fill("$45.50");
    await save(page);
    await expect(page.getByRole("status")).toHaveText("Saved. Patients see the new details on the next page they open.");
    await page.reload();
    await expect(lateFee).toHaveValue("30.00");
    await expect(noShowFee).toHaveValue("45.50");

    // The demo's therapy session takes a deposit: its visits carry the practice's fees.
    const patient = await (await browser.newContext()).newPage();
    const services = (await (await patient.request.get("/api/services")).json()) as { services: { slug: string; payment: { fees: unknown } }[] };
    expect(services.services.find((s) => s.slug === "therapy-session")?.payment.fees).toEqual({ lateCancelWindowMinutes: 2880, lateCancelFeeCents: 3000, noShowFeeCents: 4550 });
    expect(services.services.find((s) => s.slug === "free-screening")?.payment.fees).toBeNull();
    await patient.context().close();
  } finally {
    await page.goto("/staff/settings");
    await window.fill("24");
    await lateFee.fill("25.00");
    await noShowFee.fill("40.00");
    await save(page);
    await expect(page.getByRole("status")).toContainText(/Saved|Nothing had changed/);
  }
});

test("an administrator adds a reason for visit, moves it by keyboard and takes it off the form; the public booking form follows at once", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const labelEn = `Heel pain ${stamp}`;
  const labelEs = `Dolor de talón ${stamp}`;

  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/settings/reasons");
  await expect(page.getByRole("heading", { level: 1, name: "Reasons for visit" })).toBeVisible();
  await expectNoAxeViolations(page, "reasons settings");

  await page.getByRole("button", { name: "Add the reason" }).click();
  await expect(page.getByText("Enter the label in English.")).toBeVisible();
  await expect(page.getByLabel("Label in English")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Label in English").fill(labelEn);
  await page.getByLabel("Label in Spanish").fill(labelEs);
  await page.getByRole("button", { name: "Add the reason" }).click();
  await expect(page.getByText("Reason added at the end of the list.")).toBeVisible();
  const items = page.getByRole("list").filter({ hasText: labelEn }).getByRole("listitem");
  await expect(items.last()).toContainText(labelEn);

  // Moved up with the keyboard alone: focus stays on the button, so a second press moves it again.
  const up = page.getByRole("button", { name: `Move up (${labelEn})` });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `“${labelEn}” moved up.` })).toBeVisible();
  await expect(items.nth(-2)).toContainText(labelEn);
  await expect(up).toBeFocused();

  await page.getByRole("button", { name: `Edit (${labelEn})` }).click();
  const dialog = page.getByRole("dialog", { name: `Edit “${labelEn}”` });
  await dialog.getByLabel("Label in Spanish").fill(`${labelEs} (talón)`);
  await expectNoAxeViolations(page, "reasons settings, editing one");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(items.nth(-2)).toContainText(`${labelEs} (talón)`);

  const patient = await (await browser.newContext()).newPage();
  await patient.goto("/en/book");
  const reasonsGroup = patient.getByRole("group", { name: "Choose the one that fits best." });
  await expect(reasonsGroup.getByRole("radio", { name: labelEn })).toBeVisible();
  const labels = await reasonsGroup.getByRole("radio").evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent ?? ""));
  expect(labels.at(-3)).toBe(labelEn);
  await patient.goto("/es/book");
  await expect(patient.getByRole("radio", { name: `${labelEs} (talón)` })).toBeVisible();

  await page.getByRole("button", { name: `Deactivate (${labelEn})` }).click();
  await expect(page.getByRole("status").filter({ hasText: `“${labelEn}” is off the booking form.` })).toBeVisible();
  await expect(items.nth(-2)).toContainText("Inactive");
  await expectNoAxeViolations(page, "reasons settings with an inactive reason");
  await patient.goto("/en/book");
  await expect(patient.getByRole("radio", { name: "Something else" })).toBeVisible();
  await expect(patient.getByRole("radio", { name: labelEn })).toHaveCount(0);
  await patient.context().close();
});

test("the practice settings action refuses front desk and therapists who replay an administrator's save", async ({ page, browser, baseURL }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/settings");
  const name = await page.getByLabel("Practice name").inputValue();

  // The administrator's own save, as the browser sent it: the action's id and its form body.
  const [sent] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined), save(page)]);
  await expect(page.getByRole("status")).toContainText(/Saved|Nothing had changed/);
  const original = sent.postDataBuffer()!.toString("latin1");
  const body = original.replace(name, "Taken Over");
  expect(body).toContain("Taken Over");
  const replayAs = (request: typeof page.request, data: string) =>
    request.post("/staff/settings", {
      headers: { "next-action": sent.headers()["next-action"]!, "content-type": sent.headers()["content-type"]!, origin: baseURL!, accept: "text/x-component" },
      data: Buffer.from(data, "latin1"),
    });
  // The same request from the administrator goes through, so a refusal below is the role's.
  expect(await (await replayAs(page.request, original)).text()).toContain('"ok":true');

  for (const [email, role] of [
    ["frontdesk@demo.stride.test", "front desk"],
    ["dana@demo.stride.test", "therapist"],
  ] as const) {
    const context = await browser.newContext({ baseURL });
    const other = await context.newPage();
    await signIn(other, email);
    await expect(other).toHaveURL(/\/staff$/);
    expect(await (await replayAs(context.request, body)).text(), role).toContain('"code":"FORBIDDEN"');
    await context.close();
  }
  const patient = await (await browser.newContext()).newPage();
  await patient.goto("/en");
  await expect(patient.getByRole("banner").getByRole("link", { name })).toBeVisible();
  await patient.context().close();
});
