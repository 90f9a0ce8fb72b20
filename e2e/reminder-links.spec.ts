import { DateTime } from "luxon";
import { expect, test } from "./fixtures/csp";
import { expectNoAxeViolations } from "./fixtures/axe";
import { bookThroughApi, findService, listLocations, openSlots } from "./fixtures/api";
import { uniquePatient } from "./fixtures/patient";
import { issueReminderLinks, readAnswers } from "./fixtures/reminder-links";
import { FRONT_DESK, signIn } from "./fixtures/staff";

async function bookedVisit(request: Parameters<typeof bookThroughApi>[0], tag: string, language: "en" | "es") {
  const service = await findService(request, "therapy-session");
  const [location] = await listLocations(request);
  const slots = await openSlots(request, { service, location: location!, daysAhead: 2 });
  const slot = slots[Math.floor(slots.length / 2)]!;
  const booked = await bookThroughApi(request, { service, slot, patient: uniquePatient(tag), language });
  return { booked, location: location!, slot };
}

test("a reminder's \"I'll be there\" link asks before it answers, then the desk sees the confirmation on the calendar", async ({ page, request }) => {
  test.slow();
  const { booked, location, slot } = await bookedVisit(request, "attend", "en");
  const links = await issueReminderLinks(booked.id);
  const url = `/en/attendance/${links.attendance}?answer=coming`;

  // Opening the link (as a mail scanner does) changes nothing.
  expect((await request.get(url)).status()).toBe(200);
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Will you be there?" })).toBeVisible();
  expect((await readAnswers(booked.id)).patientConfirmedAt).toBeNull();
  await expectNoAxeViolations(page, "attendance page");

  await page.getByRole("button", { name: "Yes, I'll be there" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you. The clinic knows you will be there.");
  expect((await readAnswers(booked.id)).patientConfirmedAt).not.toBeNull();

  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  const date = DateTime.fromISO(slot.start, { setZone: true }).setZone(location.timeZone).toISODate();
  await page.goto(`/staff/calendar?location=${location.id}&date=${date}&view=day`);
  const card = page.locator(`[data-appointment-id="${booked.id}"]`);
  await expect(card).toContainText("Confirmed");
  await card.click();
  await expect(page.getByText("Said they will be there, from a reminder.")).toBeVisible();
});

test("the answer is a plain form: it is recorded when the page's scripts have not run (or never do)", async ({ browser, request }) => {
  const { booked } = await bookedVisit(request, "attend-nojs", "en");
  const links = await issueReminderLinks(booked.id);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/en/attendance/${links.attendance}?answer=coming`);
  await page.getByRole("button", { name: "Yes, I'll be there" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you. The clinic knows you will be there.");
  expect((await readAnswers(booked.id)).patientConfirmedAt).not.toBeNull();
  await context.close();
});

test("\"Necesito cambiarla\" records the request and offers the manage page and the clinic's phone, in Spanish", async ({ page, request }) => {
  const { booked } = await bookedVisit(request, "cambio", "es");
  const links = await issueReminderLinks(booked.id);
  await page.goto(`/es/attendance/${links.attendance}?answer=change`);
  await expect(page.getByRole("heading", { level: 1, name: "¿Necesita cambiar su cita?" })).toBeVisible();
  expect((await readAnswers(booked.id)).changeRequestedAt).toBeNull();
  await page.getByRole("button", { name: "Avisar a la clínica de que necesito cambiarla" }).click();
  await expect(page.getByRole("status")).toHaveText("Gracias. La clínica sabe que necesita cambiar esta cita.");
  expect((await readAnswers(booked.id)).changeRequestedAt).not.toBeNull();
  await expect(page.getByRole("heading", { level: 2, name: "Lo que puede hacer ahora" })).toBeVisible();
  await expectNoAxeViolations(page, "change request page");
  await page.getByRole("link", { name: "Cambiar o cancelar su cita" }).click();
  await expect(page).toHaveURL(/\/es\/manage\/[A-Za-z0-9_-]{43}$/);
});

test("the preferences page turns email reminders off with a form, accessible in both languages", async ({ page, request }) => {
  const { booked } = await bookedVisit(request, "prefs", "es");
  const links = await issueReminderLinks(booked.id);
  await page.goto(`/es/preferences/${links.preferences}`);
  await expect(page.getByRole("heading", { level: 1, name: "Sus recordatorios" })).toBeVisible();
  await expectNoAxeViolations(page, "preferences page (es)");
  const email = page.getByRole("checkbox", { name: "Por correo electrónico" });
  await expect(email).toBeChecked();
  await email.uncheck();
  await page.getByRole("button", { name: "Guardar mi elección" }).click();
  await expect(page.getByRole("status")).toContainText("Guardado.");
  await expect(page.getByRole("checkbox", { name: "Por correo electrónico" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Por mensaje de texto" })).toBeChecked();
  expect(await readAnswers(booked.id)).toMatchObject({ emailRemindersOff: true, smsRemindersOff: false });

  await page.goto(`/en/preferences/${links.preferences}`);
  await expect(page.getByRole("checkbox", { name: "By email" })).not.toBeChecked();
  await expectNoAxeViolations(page, "preferences page (en)");
  await page.goto(`/en/preferences/${"x".repeat(43)}`);
  await expect(page.getByRole("alert").filter({ hasText: "This link is not valid or has expired." })).toBeVisible();
});
