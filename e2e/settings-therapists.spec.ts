import { expect, test, type Locator, type Page } from "@playwright/test";
import type { LocationDto, ServiceDto } from "@/lib/booking/api-types";
import { bookThroughApi, listLocations, openSlots, readBooking } from "./fixtures/api";
import { expectNoAxeViolations } from "./fixtures/axe";
import { BookingFlow } from "./fixtures/booking-flow";
import { uniquePatient } from "./fixtures/patient";
import { expectSignedInAs, signIn } from "./fixtures/staff";
import { createTermsPractice, retireTermsPractice, type TermsPractice } from "./fixtures/terms-practice";

// An administrator adds and deactivates therapists by keyboard alone. The
// therapists here work at a practice of the spec's own (a location, a service
// and a therapist with hours around the clock), so no demo therapist changes
// and no other spec's first offered time moves.

const ADMIN = "admin@demo.stride.test";
// A 1×1 PNG.
const PORTRAIT = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

let practice: TermsPractice;

test.beforeAll(async () => {
  practice = await createTermsPractice();
});

test.afterAll(async () => {
  if (practice) await retireTermsPractice(practice);
});

/** Presses Tab until `target` has focus: proof that the keyboard reaches it, in page order. */
async function tabTo(page: Page, target: Locator, most = 150) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/reason=revoked/);
}

test("an administrator adds a therapist with a login, a location, a service and a photo; the password shows once and signs in", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const lastName = `Quintero${stamp}`;
  const name = `Rosa ${lastName}`;
  const email = `rosa-${stamp}@clinic.test`;

  await signIn(page, ADMIN);
  await expectSignedInAs(page, "Alex Moreno · Administrator");
  await page.goto("/staff/settings/therapists");
  await expect(page.getByRole("heading", { level: 1, name: "Therapists" })).toBeVisible();
  await expectNoAxeViolations(page, "therapists list");
  await tabTo(page, page.getByRole("link", { name: "Add a therapist" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Add a therapist" })).toBeVisible();

  // An empty form is refused, field by field, with the summary taking focus.
  const add = page.getByRole("button", { name: "Add therapist" });
  await tabTo(page, add);
  await page.keyboard.press("Enter");
  const summary = page.getByRole("group", { name: "Please check:" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Enter the therapist's first name.");
  await expect(summary).toContainText("Choose at least one location the therapist works at.");
  await expect(page.getByLabel("First name")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "add-therapist form with errors");

  await typeInto(page, page.getByLabel("First name"), "Rosa");
  await typeInto(page, page.getByLabel("Last name"), lastName);
  await typeInto(page, page.getByLabel("Credentials"), "PT, DPT");
  await typeInto(page, page.getByLabel("Bio in English"), "Helps runners back to the road.");
  await typeInto(page, page.getByLabel("Bio in Spanish"), "Ayuda a corredores a volver a correr.");
  await tabTo(page, page.getByLabel("Photo"));
  // A file chooser cannot be driven by keys in a headless browser; the file is handed to the focused input.
  await page.getByLabel("Photo").setInputFiles({ name: "rosa.png", mimeType: "image/png", buffer: PORTRAIT });
  await tabTo(page, page.getByLabel("Spanish", { exact: true }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByLabel("Video", { exact: true }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByLabel(practice.locationName, { exact: true }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByLabel(practice.serviceName.en, { exact: true }));
  await page.keyboard.press("Space");
  await typeInto(page, page.getByLabel("Login email (optional)"), email);
  await tabTo(page, add);
  await page.keyboard.press("Enter");

  const done = page.getByRole("status").filter({ hasText: `${name} was added.` });
  await expect(done).toBeFocused();
  const password = (await page.getByTestId("temporary-password").textContent())!;
  expect(password.length).toBeGreaterThanOrEqual(12);
  await expectNoAxeViolations(page, "therapist added");

  await tabTo(page, done.getByRole("link", { name: `Open ${name}’s settings` }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  // Shown once: the therapist's own page has the login, never the password.
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);
  await expect(page.getByText(`${name} signs in as ${email}.`, { exact: false })).toBeVisible();
  await expect(page.getByRole("img", { name: `Photo of ${name}` })).toBeVisible();
  await expect(page.getByLabel("Spanish", { exact: true })).toBeChecked();
  await expect(page.getByLabel(practice.locationName, { exact: true })).toBeChecked();
  await expect(page.getByRole("link", { name: "Weekly hours and time off" })).toHaveAttribute("href", /\/staff\/schedules\?therapist=/);
  await expectNoAxeViolations(page, "therapist settings page");

  // Patients choosing a therapist see the photo, named, and the bio in their language.
  const flow = new BookingFlow(page, "es");
  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(practice.serviceName.es);
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
  await flow.choosePlace(practice.locationName);
  const card = page.getByRole("radio", { name: `${name}, PT, DPT` });
  await expect(card).toHaveAccessibleDescription(/Ayuda a corredores a volver a correr\./);
  await expect(page.getByRole("img", { name: `Foto de ${name}` })).toBeVisible();
  await expectNoAxeViolations(page, "therapist choice with a photo");

  await page.goto("/staff");
  await signOut(page);

  await signIn(page, email, password);
  await expectSignedInAs(page, `${name} · Therapist`);
});

test("deactivating a therapist with a booked visit lists the visit and saves only once confirmed", async ({ page, request }) => {
  const service = ((await (await request.get("/api/services")).json()) as { services: ServiceDto[] }).services.find((s) => s.id === practice.serviceId)!;
  const location = (await listLocations(request)).find((l: LocationDto) => l.id === practice.locationId)!;
  const slot = (await openSlots(request, { service, location, daysAhead: 3 }))[0]!;
  const patient = uniquePatient("deactivate", "Marisol");
  const booked = await bookThroughApi(request, { service, slot, patient });

  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(`/staff/settings/therapists/${practice.therapistId}`);
  await expect(page.getByText("Active: offered for booking", { exact: false })).toBeVisible();

  // A therapist added without a login is given one from their page, its password shown once.
  const loginEmail = `ines-${Date.now().toString(36)}@clinic.test`;
  await typeInto(page, page.getByLabel("Login email"), loginEmail);
  await tabTo(page, page.getByRole("button", { name: "Give them a login" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Login made for ${loginEmail}.` })).toBeFocused();
  await expect(page.getByTestId("temporary-password")).toHaveText(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

  const active = page.getByRole("checkbox", { name: /^Active/ });
  const save = page.getByRole("button", { name: "Save changes" });
  await tabTo(page, active);
  await page.keyboard.press("Space");
  await tabTo(page, save);
  await page.keyboard.press("Enter");

  const question = page.getByRole("heading", { name: "1 booked visit would be left without Inés" });
  await expect(question).toBeFocused();
  await expect(page.getByRole("listitem").filter({ hasText: `${patient.firstName} ${patient.lastName}` })).toContainText("therapist deactivated");
  await expectNoAxeViolations(page, "stranded visits question");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Go back" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(save).toBeVisible();
  // Going back saved nothing: the therapist is still offered.
  const therapists = async () => ((await (await request.get(`/api/therapists?location=${practice.locationId}`)).json()) as { therapists: { id: string }[] }).therapists.map((t) => t.id);
  expect(await therapists()).toContain(practice.therapistId);

  await tabTo(page, save);
  await page.keyboard.press("Enter");
  await expect(question).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save anyway" })).toBeFocused();
  await page.keyboard.press("Enter");
  const saved = page.getByRole("status").filter({ hasText: "Changes saved." });
  await expect(saved).toBeFocused();
  await expect(saved).toContainText(`${patient.firstName} ${patient.lastName}`);
  await expectNoAxeViolations(page, "therapist deactivated");

  await page.reload();
  await expect(page.getByText("Deactivated: not offered for booking.", { exact: false })).toBeVisible();
  expect(await therapists()).not.toContain(practice.therapistId);
  expect(await openSlots(request, { service, location, daysAhead: 3 })).toEqual([]);
  // The visit itself is left as it was, for the front desk to move.
  expect((await readBooking(request, booked.manageToken)).status).toBe("BOOKED");
});
