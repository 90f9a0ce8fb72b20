import { expect, test } from "./fixtures/csp";
import { expectNoAxeViolations } from "./fixtures/axe";
import { createDeskPractice, DESK_POSTAL_CODE, insertDeskVisit, retireDeskPractice, type DeskPractice } from "./fixtures/desk-practice";
import { FRONT_DESK, signIn } from "./fixtures/staff";
import type { Page } from "@playwright/test";

// The front desk books what the web books, and its day-of-visit actions ask
// first and can be taken back. Each test has a practice of its own
// (e2e/fixtures/desk-practice.ts), open around the clock.

let practice: DeskPractice;
test.beforeEach(async () => {
  practice = await createDeskPractice();
});
test.afterEach(async () => {
  await retireDeskPractice(practice);
});

async function openCalendar(page: Page, date: string) {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(`/staff/calendar?location=${practice.locationId}&date=${date}&view=day`);
  await expect(page.getByRole("heading", { name: "Calendar" })).toBeVisible();
}

async function fillNewCaller(dialog: ReturnType<Page["getByRole"]>, firstName: string, surname: string) {
  // Space on a radio button chooses it, as a keyboard user does.
  await dialog.getByLabel("New patient").press("Space");
  await dialog.getByLabel("First name").fill(firstName);
  await dialog.getByLabel("Last name").fill(surname);
  await dialog.getByLabel("Phone").fill("+1 575 555 0161");
  await dialog.getByLabel("Email").fill(`${firstName.toLowerCase()}.${surname.toLowerCase()}@example.com`);
  await dialog.getByLabel("Date of birth").fill("1979-05-17");
}

/** The manage token at the end of a manage link, to ask the public API whether the link works. */
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

test("the desk books a new caller's home visit and a video visit, copies the links, and books and moves through the nearest free times", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openCalendar(page, practice.tomorrow);
  const [ana, bea] = practice.therapists as [DeskPractice["therapists"][number], DeskPractice["therapists"][number]];
  const dialog = page.getByRole("dialog", { name: "Book a caller" });

  // A new caller's home visit, with the address asked as online booking asks it.
  const homeSurname = `Home${Date.now()}`;
  await page.getByRole("button", { name: "Book a caller" }).click();
  await dialog.getByLabel("Time").selectOption({ label: "10:00 AM" });
  await dialog.getByLabel("Therapist").selectOption({ label: ana.name });
  await dialog.getByLabel("Service").selectOption({ label: `${practice.serviceName} (30 min)` });
  await expect(dialog.getByLabel("By video")).toBeVisible();
  await dialog.getByLabel("At home").check();
  await fillNewCaller(dialog, "Hana", homeSurname);
  await dialog.getByLabel("Street address").fill("4410 Loma Del Norte Dr");
  await dialog.getByLabel("City").fill("Las Cruces");
  await dialog.getByLabel("Postal code").fill(DESK_POSTAL_CODE);
  await expectNoAxeViolations(page, "book-a-caller dialog with a home address");
  await dialog.getByRole("button", { name: "Book", exact: true }).click();
  const homeLinks = page.getByRole("region", { name: `Booked. Links for Hana ${homeSurname}` });
  await expect(homeLinks).toBeVisible();
  const homeManage = await homeLinks.getByLabel("Manage link", { exact: true }).inputValue();
  expect(homeManage).toMatch(/\/en\/manage\/[A-Za-z0-9_-]+$/);
  await expect(homeLinks.getByLabel("Video link", { exact: true })).toHaveCount(0);
  const homeBooking = await page.request.get(`/api/bookings/${tokenOf(homeManage)}`);
  expect(homeBooking.status()).toBe(200);
  expect(await homeBooking.json()).toMatchObject({ mode: "HOME" });
  await expect(page.locator(`[data-therapist-column="${ana.id}"] [data-appointment-id]`, { hasText: homeSurname })).toBeVisible();

  // A video visit: both links, shown once, copied to the clipboard.
  const videoSurname = `Video${Date.now()}`;
  await page.getByRole("button", { name: "Book a caller" }).click();
  await dialog.getByLabel("Time").selectOption({ label: "11:00 AM" });
  await dialog.getByLabel("Therapist").selectOption({ label: bea.name });
  await dialog.getByLabel("Service").selectOption({ label: `${practice.serviceName} (30 min)` });
  await dialog.getByLabel("By video").check();
  await fillNewCaller(dialog, "Vera", videoSurname);
  await dialog.getByRole("button", { name: "Book", exact: true }).click();
  const videoLinks = page.getByRole("region", { name: `Booked. Links for Vera ${videoSurname}` });
  await expect(videoLinks).toBeVisible();
  await expectNoAxeViolations(page, "the booked visit's links");
  const videoLink = await videoLinks.getByLabel("Video link", { exact: true }).inputValue();
  expect(videoLink).toMatch(/\/visit\/[A-Za-z0-9_-]+$/);
  await videoLinks.getByRole("button", { name: "Copy video link" }).click();
  await expect(videoLinks.getByText("Video link copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(videoLink);
  const videoManage = await videoLinks.getByLabel("Manage link", { exact: true }).inputValue();
  await videoLinks.getByRole("button", { name: "Copy manage link" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(videoManage);
  expect(await (await page.request.get(`/api/bookings/${tokenOf(videoManage)}`)).json()).toMatchObject({ mode: "VIDEO" });

  // Ana is busy at 10:00: the refusal offers the nearest free times, and one click books one.
  const thirdSurname = `Near${Date.now()}`;
  await page.getByRole("button", { name: "Book a caller" }).click();
  await dialog.getByLabel("Time").selectOption({ label: "10:00 AM" });
  await dialog.getByLabel("Therapist").selectOption({ label: ana.name });
  await dialog.getByLabel("Service").selectOption({ label: `${practice.serviceName} (30 min)` });
  await fillNewCaller(dialog, "Nico", thirdSurname);
  await dialog.getByRole("button", { name: "Book", exact: true }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  const nearest = dialog.getByRole("button", { name: /^Book .+ with / }).first();
  await expect(nearest).toBeVisible();
  await expectNoAxeViolations(page, "book dialog with the nearest free times");
  await nearest.click();
  await expect(page.getByRole("region", { name: `Booked. Links for Nico ${thirdSurname}` })).toBeVisible();
  await expect(page.locator("[data-appointment-id]", { hasText: thirdSurname })).toBeVisible();

  // A refused move offers the nearest free times as buttons that move the visit.
  const videoCard = page.locator("[data-appointment-id]", { hasText: videoSurname });
  await videoCard.click();
  const panel = page.getByRole("complementary", { name: `Vera ${videoSurname}` });
  await panel.getByLabel("Time").selectOption({ label: "10:00 AM" });
  await panel.getByLabel("Therapist").selectOption({ label: ana.name });
  await panel.getByRole("button", { name: "Move visit" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not moved." })).toBeVisible();
  await page.getByRole("button", { name: /^Move .+ with / }).first().click();
  await expect(page.getByRole("status").filter({ hasText: `Moved Vera ${videoSurname}` })).toBeVisible();
});

test("a no-show and a check-in ask or act only on the visit's day, and are undone the same day", async ({ page }) => {
  const [ana, bea] = practice.therapists as [DeskPractice["therapists"][number], DeskPractice["therapists"][number]];
  const visit = await insertDeskVisit(practice, ana.id, 60);
  const tomorrow = await insertDeskVisit(practice, bea.id, -24 * 60);
  await openCalendar(page, practice.today);

  const card = page.locator("[data-appointment-id]", { hasText: visit.patientName });
  await card.click();
  const panel = page.getByRole("complementary", { name: visit.patientName });
  await panel.getByRole("button", { name: "No-show" }).click();
  const confirm = page.getByRole("dialog", { name: `Mark ${visit.patientName} as a no-show?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Go back" })).toBeFocused();
  await expectNoAxeViolations(page, "no-show confirmation");
  // Escape asks nothing of the server.
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(card).toContainText("Booked");

  await panel.getByRole("button", { name: "No-show" }).click();
  await confirm.getByRole("button", { name: "Yes, mark as no-show" }).click();
  await expect(card).toContainText("No-show");
  await panel.getByRole("button", { name: "Undo no-show" }).click();
  await expect(page.getByRole("status").filter({ hasText: "no-show undone" })).toBeVisible();
  await expect(card).toContainText("Booked");

  await panel.getByRole("button", { name: "Check in" }).click();
  await expect(card).toContainText("Checked in");
  await panel.getByRole("button", { name: "Undo check-in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "check-in undone" })).toBeVisible();
  await expect(card).toContainText("Booked");
  await expectNoAxeViolations(page, "calendar with a visit's panel");

  // Tomorrow's visit offers no check-in, and the server refuses one with a reason.
  await page.goto(`/staff/calendar?location=${practice.locationId}&date=${practice.tomorrow}&view=day`);
  await page.locator("[data-appointment-id]", { hasText: tomorrow.patientName }).click();
  const later = page.getByRole("complementary", { name: tomorrow.patientName });
  await expect(later.getByRole("button", { name: "Complete" })).toBeVisible();
  await expect(later.getByRole("button", { name: "Check in" })).toHaveCount(0);
  const refused = await page.request.post(`/api/staff/appointments/${tomorrow.appointmentId}/status`, {
    headers: { origin: new URL(page.url()).origin },
    data: { action: "check-in" },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toContain("only on the day of the visit");
});

test("the desk books from an empty slot of the day grid with the keyboard alone", async ({ page }) => {
  const bea = practice.therapists[1]!;
  await openCalendar(page, practice.tomorrow);
  await expectNoAxeViolations(page, "day grid with its free slots");

  await page.getByLabel("Location").focus();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.hasAttribute("data-free-slot"))) break;
  }
  const focused = page.locator(":focus");
  await expect(focused).toHaveAttribute("data-free-slot", /.+/);
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await expect(focused).toHaveAccessibleName(`Book at 1:00 AM with ${bea.name}`);
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: "Book a caller" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Time")).toHaveValue("60");
  await expect(dialog.getByLabel("Therapist")).toHaveValue(bea.id);
  const surname = `Keys${Date.now()}`;
  await dialog.getByLabel("Service").selectOption({ label: `${practice.serviceName} (30 min)` });
  await fillNewCaller(dialog, "Kai", surname);
  await dialog.getByLabel("Reason for the visit").press("Enter");
  await expect(page.getByRole("region", { name: `Booked. Links for Kai ${surname}` })).toBeVisible();
  const card = page.locator(`[data-therapist-column="${bea.id}"] [data-appointment-id]`, { hasText: surname });
  await expect(card).toContainText("1:00 AM");
});
