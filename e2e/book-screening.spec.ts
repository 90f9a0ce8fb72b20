import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures/csp";
import { findService, icsUtc, readBooking } from "./fixtures/api";
import { BookingFlow } from "./fixtures/booking-flow";
import { uniquePatient } from "./fixtures/patient";

test("a patient books a free screening in the clinic by keyboard and gets a calendar file", async ({ page, request }) => {
  const screening = await findService(request, "free-screening");
  const patient = uniquePatient("screening-en");
  const flow = new BookingFlow(page, "en");

  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(screening.name.en);
  await expect(page.getByText(/20 minutes · Free/)).toBeVisible();
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
  await flow.choosePlace(null);
  await flow.continueTo(4);
  await expect(page.getByText("Times are shown in Mountain Time (America/Denver).")).toBeVisible();
  const slot = await flow.pickFirstSlot();
  await flow.continueTo(5);
  await flow.fillDetails(patient);
  const token = await flow.submitAndExpectBooked();

  const booking = await readBooking(request, token);
  expect(booking.start).toBe(slot.start);
  expect(booking.service.id).toBe(screening.id);
  expect(booking.mode).toBe("CLINIC");
  await expect(page.getByText(booking.location.name)).toBeVisible();
  await expect(page.getByText(/Time shown in Mountain Time \(America\/Denver\)/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Link to this page" })).toHaveValue(booking.manageUrl);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar" }).press("Enter");
  const file = await (await download).path();
  const ics = await readFile(file, "utf8");
  expect(ics).toContain("BEGIN:VEVENT");
  expect(ics).toContain(`DTSTART:${icsUtc(slot.start)}`);
});
