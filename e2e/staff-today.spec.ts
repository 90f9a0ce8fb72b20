import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { expectNoAxeViolations } from "./fixtures/axe";
import { FRONT_DESK, signIn } from "./fixtures/staff";

// Dana's visits today and tomorrow come from the demo seed (seedDanasTwoDays
// in lib/demo/seed-demo.ts), placed relative to the real clock in America/Denver.
const DANA = "dana@demo.stride.test";

/** Age today in the clinic's zone, worked out independently of the app. */
function ageToday(dateOfBirth: string): number {
  const today = DateTime.now().setZone("America/Denver");
  const born = DateTime.fromISO(dateOfBirth);
  const hadBirthday = today.month > born.month || (today.month === born.month && today.day >= born.day);
  return today.year - born.year - (hadBirthday ? 0 : 1);
}

test("a therapist reads her day, writes a note, completes a visit, and finds both kept", async ({ page }) => {
  await signIn(page, DANA);
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "My day" }).click();
  await expect(page).toHaveURL(/\/staff\/today$/);
  await expect(page.getByRole("heading", { level: 1, name: "My day" })).toBeVisible();
  await expect(page.getByText("(America/Denver), your clinic's time zone")).toBeVisible();

  const today = page.getByRole("region", { name: /^Today ·/ });
  await expect(page.getByRole("region", { name: /^Tomorrow ·/ })).toBeVisible();

  const marcus = today.getByRole("article", { name: /Marcus Lee/ });
  await expect(marcus.getByRole("heading")).toContainText(`age ${ageToday("1978-11-30")}`);
  await expect(marcus).toContainText("Physical therapy session");
  await expect(marcus).toContainText("Inner knee pain when running");
  await expect(marcus).toContainText("Inner knee aches after 10 km; half marathon in March.");
  // Booked at the desk when the demo starts before 08:30, its room is the booking's choice.
  await expect(marcus).toContainText(/Border Therapy Services: Westside · (Treatment room \d|Exercise floor)/);
  await expect(marcus).toContainText("Booked");

  const priya = today.getByRole("article", { name: /Priya Nair/ });
  await expect(priya).toContainText("Video visit");

  // The home visit falls today or tomorrow, whichever is a Tuesday or Thursday.
  const map = page.getByRole("link", { name: "Open map of 4410 Loma Del Norte Dr, El Paso, TX 79912 (opens in a new tab)" });
  await expect(map).toHaveAttribute("href", `https://www.openstreetmap.org/search?query=${encodeURIComponent("4410 Loma Del Norte Dr, El Paso, TX 79912")}`);
  await expect(map).toHaveAttribute("target", "_blank");
  await expect(map).toHaveAttribute("rel", /\bnoopener\b/);

  // The cancelled visit comes last, marked as such, with nothing to fill in.
  const last = today.getByRole("article").last();
  await expect(last).toContainText("Tom Brennan");
  await expect(last).toContainText("Cancelled");
  await expect(last.getByRole("textbox")).toHaveCount(0);

  await expectNoAxeViolations(page, "My day");

  await priya.getByRole("button", { name: "Save note", exact: true }).click();
  await expect(priya.getByLabel("Visit note")).toBeFocused();
  await expect(priya.getByText("Write the note before saving it.")).toBeVisible();

  await priya.getByLabel("Visit note").fill("Core routine going well; add side planks next week.");
  await priya.getByRole("button", { name: "Save note", exact: true }).click();
  await expect(priya.getByText("Note saved.")).toBeFocused();
  await expect(priya).toContainText("Booked");

  const note = "Medial knee pain 2/10 after 5 km. Progressed step-downs; review in one week.";
  await marcus.getByLabel("Visit note").fill(note);
  await marcus.getByRole("button", { name: "Save note and mark complete" }).click();
  await expect(marcus.getByText("Note saved and visit marked complete.")).toBeFocused();
  await expect(marcus).toContainText("Completed");
  await expect(marcus.getByRole("button", { name: "Save note and mark complete" })).toHaveCount(0);
  await expectNoAxeViolations(page, "My day after saving");

  await page.reload();
  await expect(marcus).toContainText("Completed");
  await expect(marcus.getByLabel("Visit note")).toHaveValue(note);
  await expect(priya.getByLabel("Visit note")).toHaveValue("Core routine going well; add side planks next week.");
  await expect(priya).toContainText("Booked");
});

test("the front desk has no My day: the link is absent and the page is a plain 404", async ({ page }) => {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("link", { name: "My day" })).toHaveCount(0);
  const response = await page.goto("/staff/today");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "My day" })).toHaveCount(0);
});
