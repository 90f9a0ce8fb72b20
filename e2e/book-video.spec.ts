import { expect, test, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import type { SlotDto } from "@/lib/booking/api-types";
import { findService, readBooking } from "./fixtures/api";
import { expectNoAxeViolations } from "./fixtures/axe";
import { BookingFlow } from "./fixtures/booking-flow";
import { uniquePatient } from "./fixtures/patient";

// The join link is checked but never followed: its room page is another piece of work.
// The patient's browser is two hours ahead of the demo clinic (America/Denver),
// so every page that shows a video visit's time must show both clocks.
const PATIENT_ZONE = "America/New_York";
test.use({ timezoneId: PATIENT_ZONE });

/** "11:00 AM" as a pattern that accepts the narrow no-break space newer ICU puts before AM/PM. */
function clockPattern(iso: string, zone: string): string {
  const local = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return `${local.toFormat("h:mm")}\\s?${local.toFormat("a")}`;
}

/** From the kind-of-visit step to the details step, taking the first open video time. */
async function goToDetailsForVideo(flow: BookingFlow, page: Page, serviceName: string): Promise<SlotDto> {
  await flow.continueTo(3);
  // No clinic to choose for a video visit: only whom to see, "first available" already chosen.
  await expect(page.getByRole("group", { name: flow.t.book.place.clinicLegend, exact: true })).toHaveCount(0);
  await expect(page.getByText(flow.video.place.intro)).toBeVisible();
  await expect(page.getByRole("radio", { name: flow.t.book.place.firstAvailable })).toBeChecked();
  await flow.continueTo(4);
  const slot = await flow.pickFirstSlot();
  await flow.continueTo(5);
  await expect(page.getByText(serviceName, { exact: true })).toBeVisible();
  await expect(page.getByText(flow.video.summaryWhere)).toBeVisible();
  await expect(page.getByRole("group", { name: flow.t.book.details.addressLegend })).toHaveCount(0);
  return slot;
}

test("a patient books a video visit in English and finds the join link on the confirmation and the manage page", async ({ page, request }) => {
  const review = await findService(request, "exercise-program-review");
  const patient = uniquePatient("video-en");
  const flow = new BookingFlow(page, "en");

  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(review.name.en);
  await flow.chooseMode("VIDEO");
  await expect(page.getByText(flow.video.kind.hint)).toBeVisible();
  await expectNoAxeViolations(page, "step 2, a video visit chosen");

  await flow.continueTo(3);
  await expect(page.getByRole("group", { name: flow.t.book.place.clinicLegend, exact: true })).toHaveCount(0);
  await expect(page.getByText(flow.video.place.intro)).toBeVisible();
  await expect(page.getByRole("radio", { name: flow.t.book.place.firstAvailable })).toBeChecked();
  await flow.continueTo(4);

  await expect(page.getByText("Times are shown in Mountain Time (America/Denver).")).toBeVisible();
  await expect(page.getByText(`Your own time zone is Eastern Time (${PATIENT_ZONE}): the smaller time under each time is yours.`)).toBeVisible();
  const slot = await flow.pickFirstSlot();
  const clinicTime = clockPattern(slot.start, "America/Denver");
  const patientTime = clockPattern(slot.start, PATIENT_ZONE);
  // A range drops the first AM/PM when both ends share it: "9:00 – 9:30 AM".
  const patientRange = `${DateTime.fromISO(slot.start).setZone(PATIENT_ZONE).toFormat("h:mm")}\\s?(?:[AP]M\\s?)?–.*`;
  // Each time carries the patient's own clock, for the eye and for screen readers.
  const chosenRadio = flow.slotGroup().getByRole("radio", { checked: true });
  await expect(chosenRadio).toHaveAccessibleName(new RegExp(`${clinicTime} \\(${patientTime} your time\\)`));
  await expect(page.getByText(new RegExp(`You chose .* at ${clinicTime} Mountain Time · ${patientTime} your time \\(America/New_York\\)`))).toBeVisible();
  await expectNoAxeViolations(page, "step 4, video times in both zones");

  await flow.continueTo(5);
  await expect(page.getByText(flow.video.summaryWhere)).toBeVisible();
  await expect(page.getByText(new RegExp(`That is ${patientRange} your time \\(America/New_York\\)\\.`))).toBeVisible();
  await expect(page.getByRole("group", { name: flow.t.book.details.addressLegend })).toHaveCount(0);
  await flow.fillDetails(patient);
  const token = await flow.submitAndExpectBooked();

  const booking = await readBooking(request, token);
  expect(booking.mode).toBe("VIDEO");
  expect(booking.start).toBe(slot.start);
  expect(booking.location.id).toBe(slot.locationId);
  const therapist = `${booking.therapist.firstName} ${booking.therapist.lastName}`;
  await expect(page.getByText(`Your video visit with ${therapist} is booked.`)).toBeVisible();
  const details = page.getByRole("region", { name: "Details" });
  await expect(details.getByText("Video visit", { exact: true })).toBeVisible();
  await expect(details.getByText(booking.location.address.line1)).toHaveCount(0);
  await expect(details.getByText("Time shown in Mountain Time (America/Denver).")).toBeVisible();
  await expect(details.getByText(new RegExp(`That is ${patientRange} your time \\(America/New_York\\)\\.`))).toBeVisible();
  const joinUrl = await flow.expectJoinLink();
  expect(joinUrl).toBe(booking.joinUrl);
  await expectNoAxeViolations(page, "the confirmation of a video visit");

  await page.goto(`/en/manage/${encodeURIComponent(token)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Your appointment" })).toBeVisible();
  expect(await flow.expectJoinLink()).toBe(joinUrl);
});

test("un paciente reserva una videoconsulta en español", async ({ page, request }) => {
  const therapy = await findService(request, "therapy-session");
  const patient = uniquePatient("video-es", "Lucía");
  const flow = new BookingFlow(page, "es");

  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(therapy.name.es);
  await expect(page.getByRole("radio", { name: "Videoconsulta", exact: true })).toBeVisible();
  await flow.chooseMode("VIDEO");
  await expect(page.getByText(/No necesita instalar nada/)).toBeVisible();
  await expectNoAxeViolations(page, "paso 2, videoconsulta elegida");

  await goToDetailsForVideo(flow, page, therapy.name.es);
  await expect(page.getByText(/en su zona horaria \(America\/New_York\)\./)).toBeVisible();
  await flow.fillDetails(patient);
  const token = await flow.submitAndExpectBooked();

  await expect(page.getByText(/Su videoconsulta con .* está reservada\./)).toBeVisible();
  await expect(page.getByRole("region", { name: "Detalles" }).getByText("Videoconsulta", { exact: true })).toBeVisible();
  const joinUrl = await flow.expectJoinLink();
  await expect(page.getByRole("link", { name: "Su sala de video" })).toHaveAttribute("href", joinUrl);
  expect((await readBooking(request, token)).joinUrl).toBe(joinUrl);
  await expectNoAxeViolations(page, "la confirmación de una videoconsulta");
});

test.describe("when the patient's zone is the clinic's", () => {
  test.use({ timezoneId: "America/Denver" });

  test("the time step says so once instead of repeating every time", async ({ page, request }) => {
    const review = await findService(request, "exercise-program-review");
    const flow = new BookingFlow(page, "en");

    await flow.open();
    await flow.chooseFirstReason();
    await flow.continueTo(2);
    await flow.chooseService(review.name.en);
    await flow.chooseMode("VIDEO");
    await flow.continueTo(3);
    await flow.continueTo(4);
    await expect(page.getByText(flow.video.slots.sameZone)).toBeVisible();
    await flow.pickFirstSlot();
    await expect(page.getByText(/You chose .* Mountain Time \(your time too\)/)).toBeVisible();
    await expect(page.getByText(/your time \(/)).toHaveCount(0);
  });
});
