import { expect, test, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { expectNoAxeViolations } from "./fixtures/axe";
import { FRONT_DESK, signIn } from "./fixtures/staff";

// The demo clinic is shared with the other specs: every change made here is
// undone before the test ends.

const DANA = "dana@demo.stride.test";
const WESTSIDE = "Border Therapy Services: Westside";

/**
 * The day the demo seed books Dana's first visit (10:00, Jordan Mills): the
 * first weekday after today on the clinic's clock (lib/demo/seed-demo.ts).
 */
function danasFirstVisitDay(): DateTime {
  let day = DateTime.now().setZone("America/Denver").startOf("day").plus({ days: 1 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day;
}

async function openDanasSchedule(page: Page) {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/schedules");
  await page.getByLabel("Therapist").selectOption({ label: "Whitfield, Dana (PT, DPT, OCS)" });
  await page.getByRole("button", { name: "Show schedule" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Dana Whitfield/ })).toBeVisible();
}

test("the front desk adds an afternoon block for a therapist and sees it", async ({ page }) => {
  await openDanasSchedule(page);
  await expectNoAxeViolations(page, "a therapist's schedule");
  const saturday = page.getByRole("table", { name: WESTSIDE }).getByRole("row", { name: /^Saturday/ });
  await expect(saturday).toContainText("Not working here");

  await page.getByRole("button", { name: `Add hours at ${WESTSIDE}` }).click();
  const dialog = page.getByRole("dialog", { name: "Add working hours" });
  await expect(dialog.getByLabel("Location", { exact: true })).toBeFocused();
  await expectNoAxeViolations(page, "the add-hours dialog");

  await dialog.getByLabel("Day", { exact: true }).selectOption({ label: "Saturday" });
  await dialog.getByLabel("Start", { exact: true }).fill("17:00");
  await dialog.getByLabel("End", { exact: true }).fill("13:00");
  await dialog.getByRole("button", { name: "Save hours" }).click();
  await expect(dialog.getByRole("group", { name: "Please check:" })).toBeFocused();
  await expect(dialog.getByRole("link", { name: "The end must be after the start, on the same day." })).toBeVisible();
  await expectNoAxeViolations(page, "the add-hours dialog with an error");

  await dialog.getByLabel("Start", { exact: true }).fill("13:00");
  await dialog.getByLabel("End", { exact: true }).fill("17:00");
  await expect(dialog.getByRole("checkbox", { name: "In clinic" })).toBeChecked();
  await dialog.getByRole("button", { name: "Save hours" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText("Added Dana's hours: Saturday 1:00 PM – 5:00 PM");
  await expect(saturday).toContainText("1:00 PM – 5:00 PM");
  await expect(saturday).toContainText("In clinic");

  await saturday.getByRole("button", { name: /^Delete Saturday 1:00 PM – 5:00 PM/ }).click();
  const confirm = page.getByRole("dialog", { name: "Delete these hours?" });
  await expect(confirm.getByRole("button", { name: "Keep it" })).toBeFocused();
  await expectNoAxeViolations(page, "the delete-hours dialog");
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(saturday).toContainText("Not working here");
});

test("a day off over a booked visit lists the visit and saves only when confirmed", async ({ page }) => {
  const day = danasFirstVisitDay();
  await openDanasSchedule(page);

  await page.getByRole("button", { name: "Add time off" }).click();
  const dialog = page.getByRole("dialog", { name: "Add time off for Dana" });
  await expect(dialog.getByRole("radio", { name: "Time off" })).toBeFocused();
  await expectNoAxeViolations(page, "the time-off dialog");
  await dialog.getByLabel("First day").fill(day.toISODate()!);
  await dialog.getByLabel("Last day").fill(day.toISODate()!);
  await dialog.getByLabel("Note (optional)").fill("Running conference");
  await dialog.getByRole("button", { name: "Save time off" }).click();

  const warning = dialog.getByRole("region", { name: /would be left without Dana$/ });
  await expect(warning.getByRole("heading")).toBeFocused();
  await expect(warning).toContainText("Jordan Mills");
  await expect(warning).toContainText(day.toFormat("ccc, LLL d"));
  await expect(warning).toContainText("Saving does not cancel or move");
  await expectNoAxeViolations(page, "the stranded-visits warning");
  await warning.getByRole("button", { name: "Save anyway" }).click();
  await expect(dialog).toBeHidden();

  const notice = page.getByRole("status");
  await expect(notice).toContainText(`Added time off for Dana: ${day.toFormat("ccc, LLL d, yyyy")}.`);
  await expect(notice).toContainText("Please contact the patient");
  await expect(notice).toContainText("Jordan Mills");
  const entry = page.getByRole("listitem").filter({ hasText: "Running conference" });
  await expect(entry).toContainText(`${day.toFormat("ccc, LLL d, yyyy")} (whole day)`);
  await expectNoAxeViolations(page, "the schedule after saving with a stranded visit");

  await entry.getByRole("button", { name: /^Delete time off/ }).click();
  await page.getByRole("dialog", { name: "Delete this time off?" }).getByRole("button", { name: "Delete", exact: true }).click();
  await expect(entry).toBeHidden();
});

test("a therapist gets a 404 for the schedules page", async ({ page }) => {
  await signIn(page, DANA);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("link", { name: "Schedules" })).toHaveCount(0);
  const response = await page.goto("/staff/schedules");
  expect(response?.status()).toBe(404);
});
