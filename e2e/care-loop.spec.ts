import path from "node:path";
import { expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { embeddedDatabaseUrl } from "../lib/db/embedded-credentials";
import { withDatabase } from "../test/video-practice";
import { expectNoAxeViolations } from "./fixtures/axe";
import { createDeskPractice, insertDeskVisit, retireDeskPractice, type DeskPractice } from "./fixtures/desk-practice";
import { DEMO_PASSWORD, FRONT_DESK, signIn } from "./fixtures/staff";
import { expectHydrated } from "./fixtures/hydration";
import { openCaughtMail } from "./fixtures/outbox";

// The care loop from end to end, in a practice of its own (its own location,
// therapists open around the clock, a zone where it is daytime now), so the
// demo clinic's calendars, which other specs book, are never in the way: a
// first visit an hour ago, a plan of care recorded from the patient's profile
// and booked as a series, a home program given from the visit, a session
// logged from the email's link, the therapist's day showing it, and the
// desk's follow-up list showing the patient only when a plan visit is missing.

const ADMIN = "admin@demo.stride.test";
const slot = Number(process.env.E2E_SLOT ?? 0);
const databaseUrl = () => embeddedDatabaseUrl(path.resolve(".data", `e2e-${slot}`, "pg"), 55000 + slot * 10);

let practice: DeskPractice;
let therapistEmail: string;

test.beforeAll(async () => {
  practice = await createDeskPractice();
  const therapist = practice.therapists[0]!;
  therapistEmail = `care-loop-${therapist.id.slice(0, 8)}@clinic.test`;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withDatabase(databaseUrl(), (db) =>
    db.query(`INSERT INTO "StaffUser" ("email", "name", "role", "passwordHash", "therapistId", "updatedAt") VALUES ($1, $2, 'THERAPIST', $3, $4, now())`, [
      therapistEmail,
      therapist.name,
      passwordHash,
      therapist.id,
    ]),
  );
});
test.afterAll(async () => {
  await retireDeskPractice(practice);
});

test("first visit → plan of care booked as a series → home program → a session logged → the therapist's day shows it → the follow-up list catches a missing visit", async ({ browser, baseURL }) => {
  // Waits for the worker's process: more than the default minute on a busy machine.
  test.slow();
  const [ana] = practice.therapists as [DeskPractice["therapists"][number]];
  // The patient's first visit (the screening), an hour ago with Ana.
  const first = await insertDeskVisit(practice, ana.id, 60);
  const [firstName, lastName] = first.patientName.split(" ") as [string, string];
  const email = `nora-${lastName.slice("Today".length)}@example.com`;

  // The desk records the plan from the patient's profile and books every visit.
  const desk = await browser.newContext();
  const deskPage = await desk.newPage();
  await signIn(deskPage, FRONT_DESK);
  await expect(deskPage).toHaveURL(/\/staff$/);
  await deskPage.goto("/staff/patients");
  await deskPage.getByLabel("Find a patient").fill(lastName);
  await deskPage.getByRole("button", { name: "Search" }).click();
  await deskPage.getByRole("link", { name: `${lastName}, ${firstName}` }).click();
  await deskPage.getByRole("link", { name: "Plan a series of visits" }).click();
  await expect(deskPage.getByRole("heading", { level: 1, name: "New plan of care" })).toBeVisible();
  // The form starts from the first visit: its therapist, location and visit type.
  await expect(deskPage.getByLabel("Therapist")).toHaveValue(ana.id);
  await expect(deskPage.getByLabel("Visit type")).toHaveValue(practice.serviceId);
  await deskPage.getByLabel("What the plan treats").fill("Knee pain when running");
  await deskPage.getByLabel("Visits per week").fill("2");
  await deskPage.getByLabel("Weeks").fill("2");
  await deskPage.getByLabel("Preferred time from").fill("08:00");
  await deskPage.getByLabel("Preferred time until").fill("12:00");
  await deskPage.getByLabel("First week starts on").fill(practice.tomorrow);
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) await deskPage.getByRole("checkbox", { name: day }).check();
  await deskPage.getByRole("button", { name: "Propose" }).click();
  await expect(deskPage.getByRole("heading", { name: "Proposed visits" })).toBeVisible();
  await expect(deskPage.getByText(/^4 visits, /)).toBeVisible();
  await deskPage.getByRole("button", { name: "Book the plan" }).click();
  const booked = deskPage.getByRole("status").filter({ hasText: "Booked 4 visits of the plan." });
  await expect(booked).toBeVisible();
  const manageUrl = await booked.getByRole("link").getAttribute("href");
  expect(manageUrl).toMatch(/\/en\/manage\/[A-Za-z0-9_-]+$/);

  // Every visit of the plan is booked: nobody to follow up.
  await deskPage.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Follow-up" }).click();
  await expect(deskPage.getByRole("heading", { level: 1, name: "Follow-up" })).toBeVisible();
  await expect(deskPage.getByRole("row", { name: new RegExp(first.patientName) })).toHaveCount(0);

  // The therapist gives a home program from the first visit's page.
  const therapist = await browser.newContext();
  const therapistPage = await therapist.newPage();
  await signIn(therapistPage, therapistEmail);
  await expect(therapistPage).toHaveURL(/\/staff$/);
  await therapistPage.goto("/staff/today");
  const visit = therapistPage.getByRole("region", { name: /^Today ·/ }).getByRole("article", { name: new RegExp(first.patientName) });
  await expect(visit).not.toContainText("Home program");
  await visit.getByRole("link", { name: /Visit page and home program/ }).click();
  await expect(therapistPage.getByRole("heading", { level: 1, name: `Visit with ${first.patientName}` })).toBeVisible();
  const form = therapistPage.getByRole("region", { name: "Home program" });
  await expectHydrated(form.getByRole("button", { name: "Give home program" }));
  await form.getByRole("textbox", { name: "Sessions per week" }).fill("3");
  await form.getByRole("button", { name: "Give home program" }).click();
  // The action queues the patient's email too: slower than a page's own answer on a loaded machine.
  await expect(form.getByRole("status")).toContainText("Home program given.", { timeout: 30_000 });

  // The patient opens the program from the email's link, on a phone, without an account.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN);
  await expect(adminPage).toHaveURL(/\/staff$/);
  const mail = await openCaughtMail(adminPage, email, /^Your home exercises$/);
  const link = /https?:\/\/\S+\/en\/program\/[A-Za-z0-9_-]{43}/.exec(mail)?.[0];
  expect(link, "the email's program link").toBeDefined();
  await admin.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false });
  const patient = await phone.newPage();
  await patient.goto(new URL(link!).pathname);
  await expect(patient.getByRole("heading", { level: 1, name: "Your home exercises" })).toBeVisible();
  await expect(patient.getByText("This week (Monday to Sunday): 0 of 3 sessions done.")).toBeVisible();
  await patient.getByRole("radio", { name: "3", exact: true }).check();
  await patient.getByRole("button", { name: "I did a session" }).click();
  await expect(patient.getByRole("status")).toHaveText("Thank you: your session is logged.");
  await expect(patient.getByText("This week (Monday to Sunday): 1 of 3 sessions done.")).toBeVisible();
  await phone.close();

  // The therapist's day shows the adherence and the pain before the next visit.
  await therapistPage.goto("/staff/today");
  await expect(visit).toContainText("Home program");
  await expect(visit).toContainText("1 of 3 sessions this week · pain 3");
  await therapist.close();

  // A visit of the plan is cancelled: the patient is on the follow-up list, with the plan's numbers.
  const cancelled = await deskPage.request.delete(`/api/bookings/${manageUrl!.slice(manageUrl!.lastIndexOf("/") + 1)}`, { data: {}, headers: { origin: baseURL! } });
  expect(cancelled.status()).toBe(200);
  await deskPage.goto("/staff/follow-up");
  const row = deskPage.getByRole("row", { name: new RegExp(first.patientName) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Knee pain when running");
  await expect(row).toContainText(`2 visits a week for 2 weeks, with ${ana.name}`);
  await expect(row).toContainText("4 prescribed, 0 attended, 3 booked ahead");
  await expectNoAxeViolations(deskPage, "the follow-up list");

  // "Book next visit" opens the calendar's booking filled in with the plan; the visit booked counts toward it.
  await row.getByRole("link", { name: `Book next visit for ${first.patientName}` }).click();
  const dialog = deskPage.getByRole("dialog", { name: "Book a caller" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`The next visit of ${first.patientName}'s plan of care: Knee pain when running.`);
  await expect(dialog.getByLabel("Therapist")).toHaveValue(ana.id);
  await expect(dialog.getByLabel("Service")).toHaveValue(practice.serviceId);
  await expect(dialog.getByRole("radio", { name: `${first.patientName} (the plan's patient)` })).toBeChecked();
  await expectNoAxeViolations(deskPage, "the booking dialog for a plan's next visit");
  await dialog.getByRole("textbox", { name: "Date", exact: true }).fill(practice.tomorrow);
  await dialog.getByLabel("Time").selectOption({ label: "7:00 PM" });
  await dialog.getByRole("button", { name: "Book", exact: true }).click();
  await expect(deskPage.getByRole("region", { name: `Booked. Links for ${first.patientName}` })).toBeVisible();

  await deskPage.goto("/staff/follow-up");
  await expect(deskPage.getByRole("heading", { level: 1, name: "Follow-up" })).toBeVisible();
  await expect(deskPage.getByRole("row", { name: new RegExp(first.patientName) })).toHaveCount(0);
  await desk.close();
});
