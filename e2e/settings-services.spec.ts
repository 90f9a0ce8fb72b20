import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import type { AvailabilityDto, ServiceDto } from "@/lib/booking/api-types";
import { bookThroughApi, listLocations, openSlots, readBooking } from "./fixtures/api";
import { expectNoAxeViolations } from "./fixtures/axe";
import { BookingFlow } from "./fixtures/booking-flow";
import { uniquePatient } from "./fixtures/patient";
import { signIn } from "./fixtures/staff";

// An administrator adds a service and changes it, by keyboard alone; the
// public booking pages follow at once. The demo services are shared with the
// other specs, so every change here is made to a service of this spec's own,
// withdrawn at the end.

test.describe.configure({ mode: "serial" });

const ADMIN = "admin@demo.stride.test";
const WESTSIDE = "Border Therapy Services: Westside";
const tag = randomUUID().slice(0, 8);
const NAME = `Running form check ${tag}`;
const NAME_ES = `Revisión de la técnica de carrera ${tag}`;
let servicePath = "";

async function typeInto(field: Locator, value: string) {
  await field.focus();
  await field.press("ControlOrMeta+a");
  await field.press("Delete");
  if (value) await field.page().keyboard.type(value);
  await expect(field).toHaveValue(value);
}

async function press(control: Locator, key = "Enter") {
  await control.focus();
  await control.press(key);
}

async function signInAsAdmin(page: Page) {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
}

async function publicService(page: Page): Promise<ServiceDto | undefined> {
  const response = await page.request.get("/api/services");
  return ((await response.json()) as { services: ServiceDto[] }).services.find((s) => s.name.en === NAME);
}

test("an administrator adds a service offered by a demo therapist and changes its price and deposit; patients book it at that price and read the fees", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/staff/settings/services");
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Free screening/ })).toBeVisible();
  await expectNoAxeViolations(page, "the services list");

  await press(page.getByRole("link", { name: "Add a service" }));
  await expect(page.getByRole("heading", { level: 1, name: "Add a service" })).toBeVisible();
  await expectNoAxeViolations(page, "the new-service form");

  await typeInto(page.getByLabel("Name in English", { exact: true }), NAME);
  await typeInto(page.getByLabel("Name in Spanish", { exact: true }), NAME_ES);
  await typeInto(page.getByLabel("Length of the visit (minutes)", { exact: true }), "0");
  await typeInto(page.getByLabel("Price (USD)", { exact: true }), "-5");
  await press(page.getByRole("checkbox", { name: "In clinic" }), "Space");
  await press(page.getByRole("button", { name: "Add service" }));

  const summary = page.getByRole("group", { name: "Please check:" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "The duration must be between 5 and 480 minutes." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter the price in dollars and cents, e.g. 85.00 (0 for free)." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Choose at least one kind of visit." })).toBeVisible();
  await expectNoAxeViolations(page, "the new-service form with errors");
  // Each message leads to its field.
  await press(summary.getByRole("link", { name: "The duration must be between 5 and 480 minutes." }));
  await expect(page.getByLabel("Length of the visit (minutes)", { exact: true })).toBeFocused();

  await typeInto(page.getByLabel("Length of the visit (minutes)", { exact: true }), "40");
  await typeInto(page.getByLabel("Price (USD)", { exact: true }), "60");
  await press(page.getByRole("checkbox", { name: "In clinic" }), "Space");
  await press(page.getByRole("checkbox", { name: "Dana Whitfield" }), "Space");
  await press(page.getByRole("button", { name: "Add service" }));

  await expect(page).toHaveURL(/\/staff\/settings\/services\/[0-9a-f-]{36}\?added=1$/);
  servicePath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByText("Service added.")).toBeVisible();
  expect((await publicService(page))?.priceCents).toBe(6000);

  await typeInto(page.getByLabel("Price (USD)", { exact: true }), "72.50");
  // A deposit above the price is refused with its field's message, and nothing is saved.
  await page.getByLabel("Payment when booking", { exact: true }).selectOption("DEPOSIT");
  await typeInto(page.getByLabel("Deposit", { exact: true }), "100");
  await press(page.getByRole("button", { name: "Save changes" }));
  const refused = page.getByRole("group", { name: "Please check:" });
  await expect(refused).toBeFocused();
  await press(refused.getByRole("link", { name: "Enter a deposit above 0 and at most the price, 72.50." }));
  await expect(page.getByLabel("Deposit", { exact: true })).toBeFocused();
  await expectNoAxeViolations(page, "a service's page with a deposit refused");
  expect((await publicService(page))?.priceCents).toBe(6000);

  await typeInto(page.getByLabel("Deposit", { exact: true }), "27.50");
  await press(page.getByRole("button", { name: "Save changes" }));
  await expect(page.getByRole("status").filter({ hasText: "Changes saved." })).toBeFocused();
  await expectNoAxeViolations(page, "a service's page after saving");
  const saved = await publicService(page);
  expect(saved?.priceCents).toBe(7250);
  expect(saved?.payment).toMatchObject({ rule: "DEPOSIT", depositCents: 2750, depositPercent: null });

  // The list shows the new price, and the order can be changed from the keyboard.
  await page.goto("/staff/settings/services");
  const row = page.getByRole("row", { name: new RegExp(NAME) });
  await expect(row).toContainText("$72.50");
  await expect(row).toContainText("Deposit of $27.50");
  const up = row.getByRole("button", { name: new RegExp(`^Move ${NAME} up`) });
  const position = Number((await up.getAttribute("aria-label"))!.match(/number (\d+)$/)![1]);
  await press(up);
  await expect(row.getByRole("status")).toHaveText(`${NAME} is now number ${position - 1}.`);
  await expect(row.getByRole("button", { name: new RegExp(`^Move ${NAME} (up|down)`) }).and(page.locator(":focus"))).toHaveCount(1);
  await press(row.getByRole("button", { name: new RegExp(`^Move ${NAME} down`) }));
  await expect(row.getByRole("status")).toHaveText(`${NAME} is now number ${position}.`);

  // A patient finds the service and sees its new price before choosing a time and in the summary.
  const flow = new BookingFlow(page, "en");
  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(NAME);
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
  await flow.choosePlace(WESTSIDE);
  await flow.continueTo(4);
  // This server takes no payments online (no Stripe keys): the deposit is paid at the clinic, and the demo practice's fees apply.
  const fees = "Cancelling less than 24 hours before: $25.00 fee. Missed visit: $40.00 fee.";
  const box = page.getByRole("region", { name: "Price and changes" });
  await expect(box.getByRole("definition").first()).toHaveText("$72.50");
  await expect(box.getByText("Pay at the clinic when you come in. There is no payment online.")).toBeVisible();
  await expect(box.getByText(fees)).toBeVisible();
  const slot = await flow.pickFirstSlot();
  expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(40 * 60_000);
  await flow.continueTo(5);
  const appointment = page.getByRole("region", { name: flow.t.book.details.appointmentHeading });
  await expect(appointment.getByText("$72.50")).toBeVisible();
  await expect(appointment.getByText(fees)).toBeVisible();
});

test("taking the service from a therapist with a booked visit of it lists the visit and saves only when confirmed", async ({ page, request }) => {
  expect(servicePath, "the first test adds the service").not.toBe("");
  const service = (await publicService(page))!;
  const westside = (await listLocations(request)).find((l) => l.name === WESTSIDE)!;
  const slot = (await openSlots(request, { service, location: westside, daysAhead: 25 }))[0]!;
  const booking = await bookThroughApi(request, { service, slot, patient: uniquePatient("services", "Rowan") });

  await signInAsAdmin(page);
  await page.goto(servicePath);
  await press(page.getByRole("checkbox", { name: "Dana Whitfield" }), "Space");
  await press(page.getByRole("button", { name: "Save changes" }));

  const warning = page.getByRole("region", { name: `1 booked visit of ${NAME} would be affected` });
  await expect(warning.getByRole("heading")).toBeFocused();
  await expect(warning).toContainText("Rowan Runner");
  await expect(warning).toContainText("with Dana Whitfield");
  await expect(warning).toContainText("therapist no longer offers this service");
  await expect(warning).toContainText("Saving does not cancel or move it");
  await expectNoAxeViolations(page, "the stranded-visits warning for a service");

  // Going back saves nothing.
  await press(warning.getByRole("button", { name: "Go back" }));
  await expect(page.getByRole("checkbox", { name: "Dana Whitfield" })).not.toBeChecked();
  expect((await readBooking(request, booking.manageToken)).status).toBe("BOOKED");
  const stillOffered = await request.get(`/api/availability?${new URLSearchParams({ service: service.id, location: westside.id, from: slot.start.slice(0, 10), to: slot.start.slice(0, 10) })}`);
  expect(((await stillOffered.json()) as AvailabilityDto).slots.length).toBeGreaterThan(0);

  await press(page.getByRole("button", { name: "Save changes" }));
  await press(warning.getByRole("button", { name: "Save anyway" }));
  const saved = page.getByRole("status").filter({ hasText: "Changes saved." });
  await expect(saved).toBeFocused();
  await expect(saved).toContainText("Rowan Runner");

  // The visit is untouched; the service has no one left to offer it online.
  const visit = await readBooking(request, booking.manageToken);
  expect(visit.status).toBe("BOOKED");
  expect(visit.start).toBe(slot.start);
  const afterwards = await request.get(`/api/availability?${new URLSearchParams({ service: service.id, location: westside.id, from: slot.start.slice(0, 10), to: slot.start.slice(0, 10) })}`);
  expect(((await afterwards.json()) as AvailabilityDto).slots).toEqual([]);

  // Withdrawn: listed again, then gone from online booking; the visit stays.
  await page.reload();
  await press(page.getByRole("checkbox", { name: "Offered to patients" }), "Space");
  await press(page.getByRole("button", { name: "Save changes" }));
  await expect(warning.getByText("service no longer offered")).toBeVisible();
  await press(warning.getByRole("button", { name: "Save anyway" }));
  await expect(page.getByRole("status").filter({ hasText: "Changes saved." })).toBeFocused();
  expect(await publicService(page)).toBeUndefined();
  expect((await readBooking(request, booking.manageToken)).status).toBe("BOOKED");
  // Dana's time is given back to the other specs.
  const cancelled = await request.delete(`/api/bookings/${booking.manageToken}`, { data: {} });
  expect(cancelled.status(), await cancelled.text()).toBe(200);
});
