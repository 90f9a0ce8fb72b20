import { expect, test } from "@playwright/test";
import { findService, listLocations, readBooking } from "./fixtures/api";
import { BookingFlow } from "./fixtures/booking-flow";
import { uniquePatient } from "./fixtures/patient";

test("a time taken while the patient types: alert, details kept, an alternative booked", async ({ page, request }) => {
  const therapy = await findService(request, "therapy-session");
  const locations = await listLocations(request);
  // The last location, so this test does not race the others for the first open times.
  const location = locations.at(-1);
  if (!location) throw new Error("The demo data has no location.");
  const patient = uniquePatient("taken");
  const flow = new BookingFlow(page, "en");

  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(therapy.name.en);
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
  await flow.choosePlace(location.name);
  await flow.continueTo(4);
  const slot = await flow.pickFirstSlot();
  await flow.continueTo(5);
  await flow.fillDetails(patient);

  // Someone else books the very same time before this patient presses the button.
  const other = await request.post("/api/bookings", {
    data: {
      service: therapy.id,
      start: slot.start,
      mode: "CLINIC",
      locationId: slot.locationId,
      therapistId: slot.therapistId,
      patient: uniquePatient("taken-other", "Sam"),
      language: "en",
    },
  });
  expect(other.status(), await other.text()).toBe(201);

  await flow.submitButton().press("Enter");
  const alert = page.getByRole("alert").filter({ hasText: "that time was just taken" });
  await expect(alert).toBeVisible();
  await expect(page).toHaveURL(/\/en\/book\?step=details$/);
  await expect(flow.field("First name")).toHaveValue(patient.firstName);
  await expect(flow.field("Email")).toHaveValue(patient.email);
  await expect(page.getByRole("checkbox", { name: flow.t.book.details.consent })).toBeChecked();

  const alternatives = page.getByRole("group", { name: "Free times close to the one you chose" });
  const alternative = alternatives.getByRole("radio").first();
  await flow.choose(alternative);
  const alternativeStart = (await alternative.inputValue()).split("|")[0];
  await page.getByRole("button", { name: "Book the selected time" }).press("Enter");

  const token = await flow.expectBooked();
  const booking = await readBooking(request, token);
  expect(booking.start).toBe(alternativeStart);
});
