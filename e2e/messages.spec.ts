import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { bookThroughApi, findService, listLocations, openSlots } from "./fixtures/api";
import { expectNoAxeViolations } from "./fixtures/axe";
import { BookingFlow } from "./fixtures/booking-flow";
import { uniquePatient } from "./fixtures/patient";
import { signIn } from "./fixtures/staff";
import { openCaughtMail } from "./fixtures/outbox";

// The messages a patient gets, end to end: the app's own worker sends them
// through SMTP to its mail catcher, and the admin reads them in the outbox.

const ADMIN = "admin@demo.stride.test";

test("a patient books online, follows the confirmation's link to move the visit, and the change notice arrives", async ({ page, request }) => {
  // A booking, two waits for the worker's process and axe runs: more than the default minute on a busy machine.
  test.slow();
  const therapy = await findService(request, "therapy-session");
  const patient = uniquePatient("messages");
  const flow = new BookingFlow(page, "en");
  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(therapy.name.en);
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
  await flow.choosePlace(null);
  await flow.continueTo(4);
  // A week out, so the visit is well before its change deadline.
  await page.getByRole("button", { name: flow.t.slots.nextWeek, exact: true }).click();
  const slot = await flow.pickFirstSlot();
  await flow.continueTo(5);
  await flow.fillDetails(patient);
  await flow.submitAndExpectBooked();

  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  const confirmation = await openCaughtMail(page, patient.email, /^Your visit on .+ is booked$/);
  expect(confirmation).toContain(`Hello ${patient.firstName},`);
  const manageLink = /https?:\/\/\S+\/en\/manage\/[A-Za-z0-9_-]{43}/.exec(confirmation)?.[0];
  expect(manageLink, "the confirmation's manage link").toBeDefined();

  await page.goto(manageLink!);
  await expect(page.getByRole("heading", { level: 1, name: "Your appointment" })).toBeVisible();
  await page.getByRole("button", { name: "Choose a new time" }).click();
  const picker = page.getByRole("region", { name: "Choose a new time" });
  await picker.getByRole("button", { name: "Next week" }).click();
  const newTime = picker.getByRole("group", { name: "Open times", exact: true }).locator(`input[type=radio]:not([value^="${slot.start}|"])`).first();
  await newTime.check();
  await picker.getByRole("button", { name: "Move my appointment to this time" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done. Your appointment is now" })).toBeFocused();

  const notice = await openCaughtMail(page, patient.email, /^Your visit has moved to .+$/);
  expect(notice).toMatch(/It was on .+\./);
  expect(notice).toMatch(/\/en\/manage\/[A-Za-z0-9_-]{43}/);
  await expect(page.getByText(/visit\.ics \(text\/calendar/)).toBeVisible();

  // The outbox lists both, and the visit's own log in the patient's profile does too.
  await page.goto("/staff/outbox");
  const rows = page.getByRole("row").filter({ hasText: patient.email });
  await expect(rows.filter({ hasText: "Booking confirmation" })).toContainText("Sent");
  await expect(rows.filter({ hasText: "Visit moved" })).toContainText("Sent");

  const search = await page.request.post("/api/staff/patients/search", { data: { q: patient.email }, headers: { origin: new URL(page.url()).origin } });
  const patientId = ((await search.json()) as { patients: { id: string }[] }).patients[0]!.id;
  await page.goto(`/staff/patients/${patientId}`);
  // The time the visit was moved from is listed too, cancelled; the booked row is the visit now.
  const upcoming = page.getByRole("table", { name: "Upcoming appointments" }).getByRole("row").filter({ hasText: "Booked" });
  await upcoming.getByRole("button", { name: "Show messages" }).click();
  await expect(upcoming.getByText("Visit moved · Email · Sent")).toBeVisible();
  await expect(upcoming.getByText("Booking confirmation · Email · Sent")).toBeVisible();
  await upcoming.getByRole("button", { name: "Resend links" }).click();
  await expect(upcoming.getByText(`Sent to ${patient.email[0]}…@example.test.`)).toBeFocused();
  await expectNoAxeViolations(page, "patient profile with a visit's messages");
  await openCaughtMail(page, patient.email, /^Your visit links$/);
});

test("the front desk sends a visit's links again from the calendar and reads its messages there", async ({ page, request }) => {
  test.slow();
  const therapy = await findService(request, "therapy-session");
  const location = (await listLocations(request)).find((l) => l.slug === "las-cruces")!;
  // Ten days out, clear of the times other specs take first.
  const [slot] = await openSlots(request, { service: therapy, location, daysAhead: 10 });
  const patient = uniquePatient("messages-desk", "Robin");
  await bookThroughApi(request, { service: therapy, slot: slot!, patient });

  await signIn(page, "frontdesk@demo.stride.test");
  await expect(page).toHaveURL(/\/staff$/);
  const date = DateTime.fromISO(slot!.start, { zone: location.timeZone }).toISODate();
  await page.goto(`/staff/calendar?location=${location.id}&date=${date}&view=day`);
  const card = page.locator("[data-appointment-id]", { hasText: patient.lastName }).filter({ hasText: patient.firstName });
  await card.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary", { name: `${patient.firstName} ${patient.lastName}` });
  const messages = panel.getByRole("region", { name: "Messages" });
  await messages.getByRole("button", { name: "Show messages" }).click();
  await expect(messages.getByText(/^Booking confirmation · Email · (Sent|Queued)$/)).toBeVisible();
  await messages.getByRole("button", { name: "Resend links" }).click();
  await expect(messages.getByText(`Sent to ${patient.email[0]}…@example.test.`)).toBeFocused();
  await expectNoAxeViolations(page, "calendar panel with a visit's messages");
});
