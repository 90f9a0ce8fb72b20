import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { embeddedDatabaseUrl } from "../lib/db/embedded-credentials";
import { withDatabase } from "../test/video-practice";
import { expectNoAxeViolations } from "./fixtures/axe";
import { createDeskPractice, insertDeskVisit, retireDeskPractice } from "./fixtures/desk-practice";
import { FRONT_DESK, signIn } from "./fixtures/staff";

// What the desk sees of the money: the shared servers take no payments
// online, so the ledger rows are written here as Stripe's webhook would
// write them, for a visit today in a clinic open around the clock.

const slot = Number(process.env.E2E_SLOT ?? 0);
const databaseUrl = () => embeddedDatabaseUrl(path.resolve(".data", `e2e-${slot}`, "pg"), 55000 + slot * 10);

/** A paid payment of $45.00 for the visit, $10.00 of it refunded, both just now; the service asks for payment in full. */
async function paidAndPartRefunded(appointmentId: string, serviceId: string): Promise<{ patientId: string }> {
  const tag = randomUUID().slice(0, 8);
  return withDatabase(databaseUrl(), async (db) => {
    await db.query(`UPDATE "Service" SET "priceCents" = 4500, "currency" = 'USD', "paymentRule" = 'FULL' WHERE "id" = $1`, [serviceId]);
    await db.query(
      `INSERT INTO "Payment" ("id", "amountCents", "currency", "status", "refundedCents", "checkoutSessionId", "appointmentId", "createdAt")
       VALUES ($1, 4500, 'USD', 'SUCCEEDED', 1000, $2, $3, now() - interval '5 minutes')`,
      [`pi_e2e_${tag}`, `cs_e2e_${tag}`, appointmentId],
    );
    await db.query(`INSERT INTO "PaymentRefund" ("id", "paymentIntentId", "amountCents", "status", "createdAt") VALUES ($1, $2, 1000, 'SUCCEEDED', now())`, [`re_e2e_${tag}`, `pi_e2e_${tag}`]);
    const { rows } = await db.query<{ patientId: string }>(`SELECT "patientId"::text AS "patientId" FROM "Appointment" WHERE "id" = $1`, [appointmentId]);
    return rows[0]!;
  });
}

test("the front desk sees a visit's money on its card, the patient's payments and the day's takings, and downloads them", async ({ page }) => {
  const practice = await createDeskPractice();
  try {
    const visit = await insertDeskVisit(practice, practice.therapists[0]!.id, 30);
    const { patientId } = await paidAndPartRefunded(visit.appointmentId, practice.serviceId);
    await signIn(page, FRONT_DESK);
    await expect(page).toHaveURL(/\/staff$/);

    await page.goto(`/staff/calendar?location=${practice.locationId}&date=${practice.today}&view=day`);
    const card = page.locator("[data-appointment-id]", { hasText: visit.patientName });
    await expect(card.locator("[data-payment-state]")).toHaveText("Payment: Refunded");

    await page.goto(`/staff/patients/${patientId}`);
    const payments = page.getByRole("region", { name: "Payments" });
    await expect(payments.getByRole("table", { name: "Payments for this patient's visits, newest first" })).toContainText("$45.00");
    await expect(payments).toContainText("Refund of $10.00");
    await expect(payments.getByRole("table", { name: "Totals of paid payments, per currency" }).locator("[data-net]")).toHaveText("$35.00");
    await expectNoAxeViolations(page, "a patient's profile with payments");

    await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Takings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Takings" })).toBeVisible();
    await page.getByLabel("Location").selectOption(practice.locationId);
    await page.getByLabel("Date").fill(practice.today);
    await page.getByRole("button", { name: "Show" }).click();
    const day = page.getByRole("region", { name: /Desk clinic/ });
    await expect(day.getByRole("link", { name: visit.patientName })).toHaveCount(2);
    await expect(day.getByRole("table", { name: "Totals for the day, per currency" }).locator("[data-net]")).toHaveText("$35.00");
    await expectNoAxeViolations(page, "the takings list");

    const download = await page.request.get(await day.getByRole("link", { name: "Download as CSV" }).getAttribute("href") ?? "");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("text/csv");
    const csv = await download.text();
    expect(csv).toContain(visit.patientName);
    expect(csv).toContain("45.00");
    expect(csv).toContain("10.00");

    await page.goto("/staff/takings?date=2026-02-30");
    await expect(page.getByRole("alert").filter({ hasText: "could not be shown" })).toHaveText("The list could not be shown: That is not a real date.");
    await expectNoAxeViolations(page, "the takings list with a bad date");
    const bad = await page.request.get("/api/staff/takings?date=2026-02-30");
    expect(bad.status()).toBe(422);
    expect(await bad.text()).toContain("That is not a real date.");
  } finally {
    await retireDeskPractice(practice);
  }
});
