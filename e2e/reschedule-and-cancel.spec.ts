import { expect, test } from "@playwright/test";
import { bookThroughApi, findService, listLocations, openSlots, readBooking } from "./fixtures/api";
import { uniquePatient } from "./fixtures/patient";

test("a patient moves a visit to another time from the private link, then cancels it with a reason", async ({ page, request }) => {
  const therapy = await findService(request, "therapy-session");
  const [location] = await listLocations(request);
  if (!location) throw new Error("The demo data has no location.");
  // Two days out, so the visit is well before its change deadline.
  const [slot] = await openSlots(request, { service: therapy, location, daysAhead: 2 });
  if (!slot) throw new Error("No open time to book.");
  const created = await bookThroughApi(request, { service: therapy, slot, patient: uniquePatient("reschedule") });

  await page.goto(`/en/manage/${created.manageToken}`);
  await expect(page.getByRole("heading", { level: 1, name: "Your appointment" })).toBeVisible();
  await expect(page.getByText("Booked", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Choose a new time" }).click();
  const picker = page.getByRole("region", { name: "Choose a new time" });
  await expect(picker.getByRole("heading", { name: "Choose a new time" })).toBeFocused();
  // A later week keeps this test clear of the times other tests book first.
  await picker.getByRole("button", { name: "Next week" }).click();
  const newTime = picker.getByRole("group", { name: "Open times", exact: true }).locator(`input[type=radio]:not([value^="${slot.start}|"])`).first();
  await newTime.check();
  const newStart = (await newTime.inputValue()).split("|")[0];
  await picker.getByRole("button", { name: "Move my appointment to this time" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Done. Your appointment is now" })).toBeFocused();
  const moved = await readBooking(request, created.manageToken);
  expect(moved.start).toBe(newStart);
  expect(moved.status).toBe("BOOKED");

  await page.getByRole("button", { name: "Cancel appointment" }).click();
  await page.getByLabel("Reason (optional)").fill("My knee feels better already.");
  await page.getByRole("button", { name: "Yes, cancel appointment" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Your appointment is cancelled" })).toBeFocused();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByText("My knee feels better already.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Choose a new time" })).toHaveCount(0);
  // The way on is to book again, as soon as the visit is cancelled and whenever the link is opened later.
  await expect(page.getByRole("link", { name: "Book again" })).toHaveAttribute("href", "/en/book");
  const cancelled = await readBooking(request, created.manageToken);
  expect(cancelled.status).toBe("CANCELLED");
  expect(cancelled.cancellationReason).toBe("My knee feels better already.");

  await page.goto(`/es/manage/${created.manageToken}`);
  await expect(page.getByRole("heading", { level: 1, name: "Su cita está cancelada" })).toBeVisible();
  await page.getByRole("link", { name: "Reservar de nuevo" }).click();
  await expect(page).toHaveURL(/\/es\/book$/);
});

test("an unknown private link shows a friendly page", async ({ page }) => {
  await page.goto("/en/manage/not-a-real-token");
  await expect(page.getByRole("heading", { level: 1, name: "This link is not valid or has expired" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Book a new visit" })).toHaveAttribute("href", "/en/book");
});
