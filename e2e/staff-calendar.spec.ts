import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/csp";
import { expectNoAxeViolations } from "./fixtures/axe";
import { createDeskPractice, insertDeskVisit, retireDeskPractice } from "./fixtures/desk-practice";
import { FRONT_DESK, signIn } from "./fixtures/staff";

// Las Cruces on a Monday or Wednesday: Kevin Osei works 7–11 and 12–4 in the
// clinic and Ana Ruiz 10–2 (lib/demo/demo-practice.ts), so both columns have room.
// The specs that book "the first offered time" fill Kevin's mornings, so the
// desk's own bookings here are in the afternoon.
function nextMondayOrWednesday(): string {
  const day = new Date(Date.now() + 86_400_000);
  while (![1, 3].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

async function openDay(page: Page) {
  const { locations } = (await (await page.request.get("/api/locations")).json()) as { locations: { id: string; slug: string }[] };
  const location = locations.find((l) => l.slug === "las-cruces")!;
  const date = nextMondayOrWednesday();
  await page.goto(`/staff/calendar?location=${location.id}&date=${date}&view=day`);
  await expect(page.getByRole("heading", { name: "Calendar" })).toBeVisible();
  await expect(page.getByText("Times in Mountain")).toBeVisible();
  const { therapists } = (await (await page.request.get(`/api/therapists?location=${location.id}`)).json()) as { therapists: { id: string; slug: string }[] };
  const id = (slug: string) => therapists.find((t) => t.slug === slug)!.id;
  return { locationId: location.id, date, kevin: id("kevin-osei"), ana: id("ana-ruiz") };
}

async function dragTo(page: Page, card: ReturnType<Page["locator"]>, therapistId: string, minute: number) {
  const column = page.locator(`[data-therapist-column="${therapistId}"]`);
  const cell = column.locator(`[data-slot-minute="${minute}"]`);
  const [columnBox, cellBox] = [await column.boundingBox(), await cell.boundingBox()];
  await card.dragTo(column, { targetPosition: { x: 30, y: cellBox!.y - columnBox!.y + 4 } });
}

test("the front desk books a caller, drags the visit to another therapist, and meets a conflict that rolls back", async ({ page }) => {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  const day = await openDay(page);
  await expectNoAxeViolations(page, "calendar day view");

  const surname = `Caller${Date.now()}`;
  await page.getByRole("button", { name: "Book a caller" }).click();
  const dialog = page.getByRole("dialog", { name: "Book a caller" });
  await dialog.getByLabel("Time").selectOption({ label: "2:00 PM" });
  await dialog.getByLabel("Therapist").selectOption({ label: "Kevin Osei" });
  await dialog.getByLabel("Service").selectOption({ label: "Physical therapy session (45 min)" });
  await dialog.getByLabel("New patient").check();
  await dialog.getByLabel("First name").fill("Rosa");
  await dialog.getByLabel("Last name").fill(surname);
  await dialog.getByLabel("Phone").fill("+1 575 555 0177");
  await dialog.getByLabel("Email").fill(`rosa.${surname.toLowerCase()}@example.com`);
  await dialog.getByLabel("Date of birth").fill("1986-06-15");
  await dialog.getByLabel("Reason for the visit").fill("Inner knee pain after long runs");
  await expectNoAxeViolations(page, "book-a-caller dialog");
  await dialog.getByRole("button", { name: "Book", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Booked." })).toBeVisible();

  const card = page.locator(`[data-therapist-column="${day.kevin}"] [data-appointment-id]`, { hasText: surname });
  await expect(card).toBeVisible();

  // Drag to Ana at 11:00.
  await dragTo(page, card, day.ana, 11 * 60);
  await expect(page.getByRole("status").filter({ hasText: `Moved Rosa ${surname}` })).toBeVisible();
  const moved = page.locator(`[data-therapist-column="${day.ana}"] [data-appointment-id]`, { hasText: surname });
  await expect(moved).toBeVisible();
  await expect(moved).toContainText("11:00 AM");

  // Another desk books Kevin at 2:00 PM meanwhile; the board learns of it by itself.
  const booked = await page.request.post("/api/staff/appointments", {
    // Staff writes are taken only from Stride's own pages.
    headers: { origin: new URL(page.url()).origin },
    data: {
      serviceId: (await (await page.request.get("/api/services")).json()).services.find((s: { slug: string }) => s.slug === "therapy-session").id,
      locationId: day.locationId,
      therapistId: day.kevin,
      mode: "CLINIC",
      start: `${day.date}T14:00:00-07:00`,
      newPatient: { firstName: "Other", lastName: `Desk${Date.now()}`, email: `other.${Date.now()}@example.com`, phone: "+1 575 555 0188", dateOfBirth: "1990-01-01" },
    },
  });
  expect(booked.status()).toBe(201);
  await expect(page.locator(`[data-therapist-column="${day.kevin}"] [data-appointment-id]`, { hasText: "Other Desk" })).toBeVisible({ timeout: 10_000 });

  // Dropping Rosa onto Kevin at 2:00 PM is refused and the board puts her back.
  await dragTo(page, moved, day.kevin, 14 * 60);
  const refusal = page.getByRole("alert").filter({ hasText: "Not moved." });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("Nearest free times");
  await expect(page.locator(`[data-therapist-column="${day.ana}"] [data-appointment-id]`, { hasText: surname })).toBeVisible();
  await expect(page.locator(`[data-therapist-column="${day.kevin}"] [data-appointment-id]`, { hasText: surname })).toHaveCount(0);
});

test("the move form and status actions work without a mouse", async ({ page }) => {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  const day = await openDay(page);
  const services = (await (await page.request.get("/api/services")).json()).services as { id: string; slug: string }[];
  const surname = `Keys${Date.now()}`;
  const created = await page.request.post("/api/staff/appointments", {
    // Staff writes are taken only from Stride's own pages.
    headers: { origin: new URL(page.url()).origin },
    data: {
      serviceId: services.find((s) => s.slug === "therapy-session")!.id,
      locationId: day.locationId,
      therapistId: day.ana,
      mode: "CLINIC",
      start: `${day.date}T12:00:00-07:00`,
      newPatient: { firstName: "Kim", lastName: surname, email: `kim.${surname.toLowerCase()}@example.com`, phone: "+1 575 555 0199", dateOfBirth: "1979-09-09" },
    },
  });
  expect(created.status()).toBe(201);
  const card = page.locator("[data-appointment-id]", { hasText: surname });
  await card.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary", { name: `Kim ${surname}` });
  await expect(panel).toBeVisible();
  // The board's polls carry no phone: the panel reads it, and the record's link, when it opens.
  await expect(panel.locator('a[href^="tel:"]')).toHaveAttribute("href", "tel:+15755550199");
  await expect(panel.getByRole("link", { name: "Open patient profile" })).toBeVisible();
  const board = await page.request.get(`/api/staff/calendar?${new URLSearchParams({ location: day.locationId, date: day.date, view: "day" })}`);
  expect(await board.text()).toContain(surname);
  expect(await board.text()).not.toMatch(/575.?555.?0199/);
  await panel.getByLabel("Time").selectOption({ label: "1:00 PM" });
  await panel.getByRole("button", { name: "Move visit" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Moved Kim" })).toBeVisible();
  await expect(card).toContainText("1:00 PM");

  // Checking in is for the visit's own day: a visit today, in a clinic open
  // around the clock (e2e/fixtures/desk-practice.ts), whatever the hour.
  const practice = await createDeskPractice();
  try {
    const today = await insertDeskVisit(practice, practice.therapists[0]!.id, 30);
    await page.goto(`/staff/calendar?location=${practice.locationId}&date=${practice.today}&view=day`);
    const todayCard = page.locator("[data-appointment-id]", { hasText: today.patientName });
    await todayCard.focus();
    await page.keyboard.press("Enter");
    const todayPanel = page.getByRole("complementary", { name: today.patientName });
    await expect(todayPanel).toBeVisible();

    // The desk checks in and cancels before the board's next answer arrives:
    // board reads are held back, so the cancel is chosen on the card the
    // check-in already changed, and still goes through.
    const boardReads = "**/api/staff/calendar?**";
    await page.route(boardReads, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await route.continue().catch(() => undefined);
    });
    await todayPanel.getByRole("button", { name: "Check in" }).press("Enter");
    await expect(todayCard).toContainText("Checked in");
    await todayPanel.getByLabel("Reason for cancelling").fill("Called to cancel");
    await todayPanel.getByRole("button", { name: "Cancel visit" }).press("Enter");
    // Cancelling asks first; the safe answer has the focus.
    const confirm = page.getByRole("dialog", { name: `Cancel ${today.patientName}'s visit?` });
    await expect(confirm).toContainText("Called to cancel");
    await expect(confirm.getByRole("button", { name: "Keep the visit" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(confirm.getByRole("button", { name: "Yes, cancel the visit" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "cancel saved" })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("alert").filter({ hasText: "Not changed" })).toHaveCount(0);
    await page.unroute(boardReads);
    await expect(todayCard).toHaveCount(0);
  } finally {
    await retireDeskPractice(practice);
  }
});

test("the board's poll is answered 304 while nothing changes, and another desk's booking still shows within a poll", async ({ page }) => {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  const { locations } = (await (await page.request.get("/api/locations")).json()) as { locations: { id: string; slug: string }[] };
  const locationId = locations.find((l) => l.slug === "las-cruces")!.id;
  // Two weeks out, so the other tests' bookings on the nearest Monday or Wednesday do not touch this day.
  const date = new Date(Date.parse(`${nextMondayOrWednesday()}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  const api = `/api/staff/calendar?${new URLSearchParams({ location: locationId, date, view: "day" })}`;

  const first = await page.request.get(api);
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^"[^"]+"$/);
  expect(first.headers()["cache-control"]).toBe("private, no-cache");
  const unchanged = await page.request.get(api, { headers: { "If-None-Match": etag } });
  expect(unchanged.status()).toBe(304);
  expect(unchanged.headers()["etag"]).toBe(etag);
  expect((await unchanged.body()).length).toBe(0);

  // The desk's own poll revalidates through the browser's cache and keeps the board.
  await page.goto(`/staff/calendar?location=${locationId}&date=${date}&view=day`);
  await expect(page.getByRole("heading", { name: "Calendar" })).toBeVisible();
  await page.waitForResponse((r) => r.url().includes("/api/staff/calendar?") && r.status() === 304, { timeout: 15_000 });
  await expect(page.getByRole("heading", { name: "Calendar" })).toBeVisible();

  const { therapists } = (await (await page.request.get(`/api/therapists?location=${locationId}`)).json()) as { therapists: { id: string; slug: string }[] };
  const services = (await (await page.request.get("/api/services")).json()).services as { id: string; slug: string }[];
  const surname = `Poll${Date.now()}`;
  const booked = await page.request.post("/api/staff/appointments", {
    headers: { origin: new URL(page.url()).origin },
    data: {
      serviceId: services.find((s) => s.slug === "therapy-session")!.id,
      locationId,
      therapistId: therapists.find((t) => t.slug === "ana-ruiz")!.id,
      mode: "CLINIC",
      start: `${date}T10:00:00-07:00`,
      newPatient: { firstName: "Paula", lastName: surname, email: `paula.${surname.toLowerCase()}@example.com`, phone: "+1 575 555 0166", dateOfBirth: "1982-03-04" },
    },
  });
  expect(booked.status()).toBe(201);

  const changed = await page.request.get(api, { headers: { "If-None-Match": etag } });
  expect(changed.status()).toBe(200);
  expect(changed.headers()["etag"]).not.toBe(etag);
  expect(await changed.text()).toContain(surname);
  await expect(page.locator("[data-appointment-id]", { hasText: surname })).toBeVisible({ timeout: 10_000 });
});
