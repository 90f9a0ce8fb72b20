import { expect, test } from "./fixtures/csp";
import { expectNoAxeViolations } from "./fixtures/axe";
import { createDeskPractice, expireDeskHold, insertDeskHold, retireDeskPractice } from "./fixtures/desk-practice";
import { FRONT_DESK, signIn } from "./fixtures/staff";

test("the desk sees a time held for online payment as held, naming nobody, and sees it go when it expires", async ({ page }) => {
  const practice = await createDeskPractice();
  try {
    const ana = practice.therapists[0]!;
    const hold = await insertDeskHold(practice, ana.id, 2, 10);
    await signIn(page, FRONT_DESK);
    await expect(page).toHaveURL(/\/staff$/);
    await page.goto(`/staff/calendar?location=${practice.locationId}&date=${practice.today}&view=day`);

    const column = page.locator(`[data-therapist-column="${ana.id}"]`);
    const held = column.locator("[data-held-until]");
    await expect(held).toBeVisible();
    await expect(held).toContainText(/Held for online payment until \d{1,2}:\d{2}/);
    // Nothing to open, and nobody named: the desk must not book it, and need know no more.
    await expect(column.locator("[data-appointment-id]")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(hold.patientName);
    await expectNoAxeViolations(page, "calendar with a held time");

    // The hold runs out with no write the board's versions see: the next poll drops it all the same.
    await expireDeskHold(hold.appointmentId);
    await expect(held).toHaveCount(0, { timeout: 15_000 });
  } finally {
    await retireDeskPractice(practice);
  }
});
