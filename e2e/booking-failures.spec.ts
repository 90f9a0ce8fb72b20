import { expect, test } from "@playwright/test";
import { readBooking } from "./fixtures/api";
import { fillScreeningUpToConfirm } from "./fixtures/booking-flow";

// Faults the real server cannot be asked for on demand are injected at the network layer.

test("a lost connection and a rate limit both keep the form and say what to do", async ({ page, request }) => {
  const { flow, patient } = await fillScreeningUpToConfirm(page, request, "failures");

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

test("an answer lost on its way back is recovered by sending the form again: one visit, and the link it shows keeps working", async ({ page, request }) => {
  const { flow, patient } = await fillScreeningUpToConfirm(page, request, "lost-answer");

  // The server books; the answer never reaches the browser.
  let lost: { id: string; manageToken: string } | null = null;
  await page.route("**/api/bookings", async (route) => {
    if (lost) return route.continue();
    const response = await route.fetch();
    expect(response.status()).toBe(201);
    lost = await response.json();
    return route.abort("internetdisconnected");
  });

  await flow.submitButton().press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "We could not reach the booking system" })).toBeFocused();
  const token = await flow.submitAndExpectBooked();

  expect(lost).not.toBeNull();
  expect(token).toBe(lost!.manageToken);
  const booking = await readBooking(request, token);
  expect(booking.id).toBe(lost!.id);
  expect(booking.patient).toEqual({ firstName: patient.firstName, lastName: patient.lastName });
});
