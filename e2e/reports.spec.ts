import path from "node:path";
import { expect, test } from "@playwright/test";
import { embeddedDatabaseUrl } from "../lib/db/embedded-credentials";
import { withDatabase } from "../test/video-practice";
import { expectNoAxeViolations } from "./fixtures/axe";
import { createDeskPractice, insertDeskVisit, retireDeskPractice } from "./fixtures/desk-practice";
import { signIn } from "./fixtures/staff";

// An administrator reads the practice's reports for one clinic of its own
// (open around the clock, in a zone where it is daytime), with one visit
// earlier today that the patient missed.

const ADMIN = "admin@demo.stride.test";
const slot = Number(process.env.E2E_SLOT ?? 0);
const databaseUrl = () => embeddedDatabaseUrl(path.resolve(".data", `e2e-${slot}`, "pg"), 55000 + slot * 10);

test("an administrator opens the reports, reads each figure with its definition and downloads them as CSV", async ({ page }) => {
  const practice = await createDeskPractice();
  try {
    const missed = await insertDeskVisit(practice, practice.therapists[0]!.id, 60);
    await withDatabase(databaseUrl(), (db) => db.query(`UPDATE "Appointment" SET "status" = 'NO_SHOW' WHERE "id" = $1`, [missed.appointmentId]));

    await signIn(page, ADMIN);
    await expect(page).toHaveURL(/\/staff$/);
    await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Reports" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    await page.getByLabel("From", { exact: true }).fill(practice.today);
    await page.getByLabel("To", { exact: true }).fill(practice.today);
    await page.getByLabel("Location").selectOption(practice.locationId);
    await page.getByRole("button", { name: "Show" }).click();

    const noShow = page.getByRole("region", { name: "No-show rate" });
    await expect(noShow).toContainText("Visits the patient missed (marked as a no-show)");
    await expect(noShow.locator("[data-figure-value]")).toHaveText("1 of 1 · 100%");
    await expect(noShow.getByRole("table", { name: /No-show rate per week/ })).toContainText("100%");
    for (const figure of ["Late-cancellation rate", "Utilisation", "Screening to plan conversion", "Plan completion", "Exercise adherence"]) {
      await expect(page.getByRole("region", { name: figure }).getByRole("heading", { level: 2 })).toHaveText(figure);
    }
    await expect(page.getByRole("table", { name: /Utilisation per therapist/ })).toContainText(practice.therapists[0]!.name);
    await expectNoAxeViolations(page, "the reports");

    const href = await page.getByRole("link", { name: "Download as CSV" }).getAttribute("href");
    const download = await page.request.get(href ?? "");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("text/csv");
    expect(await download.text()).toContain(`no-show rate,all,,1,1,100,${practice.today},${practice.today}`);

    await page.goto(`/staff/reports?from=${practice.today}&to=2020-01-01`);
    await expect(page.getByRole("alert").filter({ hasText: "cannot be shown" })).toHaveText("These reports cannot be shown: The end date comes before the start date: swap them.");
    await expectNoAxeViolations(page, "the reports with a bad range");
  } finally {
    await retireDeskPractice(practice);
  }
});
