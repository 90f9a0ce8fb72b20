import { expect, test } from "@playwright/test";
import { findService } from "./fixtures/api";
import { BookingFlow } from "./fixtures/booking-flow";
import { uniquePatient } from "./fixtures/patient";

// Faults the real server cannot be asked for on demand are injected at the network layer.

test("a lost connection and a rate limit both keep the form and say what to do", async ({ page, request }) => {
  const screening = await findService(request, "free-screening");
  const patient = uniquePatient("failures");
  const flow = new BookingFlow(page, "en");

  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(screening.name.en);
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
  await flow.choosePlace(null);
  await flow.continueTo(4);
  await flow.pickFirstSlot();
  await flow.continueTo(5);
  await flow.fillDetails(patient);

  let sent = 0;
  await page.route("**/api/bookings", async (route) => {
    sent += 1;
    if (sent === 1) return route.abort("internetdisconnected");
    return route.fulfill({
      status: 429,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "RATE_LIMITED", message: "Too many requests." } }),
    });
  });

  await flow.submitButton().press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "We could not reach the booking system" })).toBeFocused();
  await expect(flow.field("Email")).toHaveValue(patient.email);

  await flow.submitButton().press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Please wait a few minutes" })).toBeVisible();
  await expect(flow.submitButton()).toBeEnabled();
  expect(sent).toBe(2);
});
