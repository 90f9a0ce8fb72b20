import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { FRONT_DESK, signIn } from "./fixtures/staff";

test("the front desk books a plan of care as a series, and the patient's page lists the other visits", async ({ page }) => {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/patients");
  await page.getByLabel("Find a patient").fill("555 0103");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("row", { name: /Nair, Priya/ }).getByRole("link", { name: "Nair, Priya" }).click();
  await page.getByRole("link", { name: "Plan a series of visits" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New plan of care" })).toBeVisible();
  await expectNoAxeViolations(page, "plan of care form");

  // Refused with a message that leads to the field.
  await page.getByRole("button", { name: "Propose" }).click();
  const summary = page.getByRole("group", { name: "The plan could not be used" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Say what the plan treats.");

  await page.getByLabel("What the plan treats").fill("Knee pain when running");
  await page.getByLabel("Visit type").selectOption({ label: "Physical therapy session" });
  const therapist = page.getByLabel("Therapist");
  if ((await therapist.inputValue()) === "") await therapist.selectOption({ index: 1 });
  await page.getByLabel("Visits per week").fill("2");
  await page.getByLabel("Weeks").fill("2");
  await page.getByLabel("Preferred time from").fill("08:00");
  await page.getByLabel("Preferred time until").fill("18:00");
  for (const day of ["Tuesday", "Wednesday", "Friday"]) await page.getByRole("checkbox", { name: day }).check();
  await page.getByRole("button", { name: "Propose" }).click();

  await expect(page.getByRole("heading", { name: "Proposed visits" })).toBeVisible();
  await expect(page.getByText(/^4 visits, /)).toBeVisible();
  await expectNoAxeViolations(page, "proposed plan of care");

  await page.getByRole("button", { name: "Book the plan" }).click();
  const booked = page.getByRole("status").filter({ hasText: /Booked \d visits? of the plan\./ });
  await expect(booked).toBeVisible();
  const manageUrl = await booked.getByRole("link").getAttribute("href");

  await page.goto(manageUrl!);
  await expect(page.getByRole("heading", { name: "The other visits of your plan" })).toBeVisible();
  await expect(page.locator("#series-heading + p + ul > li").first()).toContainText(", with ");
  await expectNoAxeViolations(page, "manage page of a visit in a series");
});

test("the plan routes refuse a foreign origin and explain bad input over real HTTP", async ({ page, baseURL }) => {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  const body = { patientId: "00000000-0000-4000-8000-000000000000", treats: "", visitsPerWeek: 3, weeks: 30, preferredWeekdays: [1, 8], windowStartMinute: 600, windowEndMinute: 540, startsOn: "2026-02-30" };

  const foreign = await page.request.post("/api/staff/care-plans/propose", { data: body, headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);

  const bad = await page.request.post("/api/staff/care-plans/propose", { data: body, headers: { origin: baseURL! } });
  expect(bad.status()).toBe(422);
  const { error } = (await bad.json()) as { error: { code: string; fields: Record<string, string> } };
  expect(error.code).toBe("VALIDATION_FAILED");
  expect(error.fields).toMatchObject({ treats: "Say what the plan treats.", weeks: "At most 26 weeks.", startsOn: "That is not a real date." });

  const booking = await page.request.post("/api/staff/care-plans", { data: { plan: body, occurrences: [] }, headers: { origin: baseURL! } });
  expect(booking.status()).toBe(422);
  expect(((await booking.json()) as { error: { fields: Record<string, string> } }).error.fields).toMatchObject({ occurrences: "Accept at least one visit to book." });
});
