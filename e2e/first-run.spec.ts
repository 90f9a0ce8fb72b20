import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { BookingFlow } from "./fixtures/booking-flow";
import { uniquePatient } from "./fixtures/patient";
import { firstRunBaseUrl as base, issueFirstRunSetupLink } from "./fixtures/first-run";

// One installation, one story: the checks run in order on the same database.
test.describe.configure({ mode: "serial" });

test("a new installation says booking is not open yet, in English and Spanish, and its API lists nothing", async ({ page, request }) => {
  for (const endpoint of ["services", "locations", "therapists"]) {
    const response = await request.get(`${base}/api/${endpoint}`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ [endpoint]: [] });
  }
  const slots = await request.get(`${base}/api/availability?service=free-screening&from=2030-01-07&to=2030-01-08`);
  expect(slots.status()).toBe(200);
  expect((await slots.json()).slots).toEqual([]);

  await page.goto(`${base}/en`);
  await expect(page.getByRole("heading", { name: "Online booking is not open yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Book a visit" })).toHaveCount(0);
  await expectNoAxeViolations(page, "the home page before booking opens");
  await page.goto(`${base}/es/book`);
  await expect(page.getByRole("heading", { name: "Las reservas en línea aún no están abiertas" })).toBeVisible();
});

test("an unknown setup link shows a page that reveals nothing", async ({ page }) => {
  await page.goto(`${base}/setup/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "This setup link cannot be used" })).toBeVisible();
  await expectNoAxeViolations(page, "a dead setup link");
  await page.goto(`${base}/setup/nonsense`);
  await expect(page.getByRole("heading", { level: 1, name: "This setup link cannot be used" })).toBeVisible();
});

test("the owner follows the setup link to a signed-in administrator, and the link then dies", async ({ page }) => {
  const link = await issueFirstRunSetupLink();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your practice" })).toBeVisible();
  await expectNoAxeViolations(page, "the setup page");

  const submit = page.getByRole("button", { name: "Create the account and practice" });
  await page.getByLabel("Password").fill("short");
  await submit.click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("group", { name: "There is a problem" })).toBeFocused();
  await expect(page.getByText("Password: Use at least 12 characters.")).toBeVisible();
  await expectNoAxeViolations(page, "the setup page with errors");

  await page.getByLabel("Your name").fill("Olga Owner");
  await page.getByLabel("Your email").fill("owner@riverside.test");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByLabel("Practice name").fill("Riverside Physio");
  await page.getByLabel("Phone (optional)", { exact: true }).fill("+1 541 555 0100");
  await page.getByLabel("Location name").fill("Riverside Clinic");
  await page.getByLabel("Street address").fill("1 River Rd");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("State or region").fill("OR");
  await page.getByLabel("Postal code").fill("97477");
  await page.getByLabel("Time zone").selectOption("America/Los_Angeles");
  await submit.click();

  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await page.getByLabel("Email").fill("owner@riverside.test");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("heading", { name: "Good to see you, Olga" })).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This setup link cannot be used" })).toBeVisible();

  // The public pages now carry the practice's name and phone; booking is still not open.
  await page.goto(`${base}/en`);
  await expect(page.getByRole("banner")).toContainText("Riverside Physio");
  await expect(page.getByRole("region", { name: "Online booking is not open yet" }).getByRole("link", { name: "+1 541 555 0100" })).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "+1 541 555 0100" })).toBeVisible();
  await page.goto(`${base}/es`);
  await expect(page.getByRole("heading", { name: "Las reservas en línea aún no están abiertas" })).toBeVisible();
});

async function signInAsOwner(page: Page) {
  await page.goto(`${base}/staff/sign-in`);
  await page.getByLabel("Email").fill("owner@riverside.test");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

test("the owner adds a location with a room, a service and a therapist with hours; a patient books it online and the desk sees it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const LOCATION = "Riverside Eastgate";
  const SERVICE = "Runner's knee assessment";
  await signInAsOwner(page);

  // A location with a room.
  await page.goto(`${base}/staff/settings/locations`);
  await page.getByRole("link", { name: "Add a location" }).click();
  await page.getByLabel("Name", { exact: true }).fill(LOCATION);
  await page.getByLabel("Street address").fill("88 Eastgate Ave");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("State or region").fill("OR");
  await page.getByLabel("Postal code", { exact: true }).fill("97478");
  await page.getByLabel("Time zone").fill("America/Los_Angeles");
  await page.getByRole("button", { name: "Add location" }).click();
  await expect(page.getByRole("heading", { level: 1, name: LOCATION })).toBeVisible();
  const locationId = page.url().split("/").pop()!;
  await page.getByLabel("New room’s name").fill("Treatment room 1");
  await page.getByLabel("Visits it holds at once").fill("1");
  await page.getByRole("button", { name: "Add room" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added Treatment room 1." })).toBeVisible();

  // A service, then the therapist who offers it there.
  await page.goto(`${base}/staff/settings/services/new`);
  await page.getByLabel("Name in English", { exact: true }).fill(SERVICE);
  await page.getByLabel("Name in Spanish", { exact: true }).fill("Evaluación de rodilla del corredor");
  await page.getByLabel("Length of the visit (minutes)", { exact: true }).fill("45");
  await page.getByLabel("Price (USD)", { exact: true }).fill("95");
  await page.getByRole("checkbox", { name: "In clinic" }).check();
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByText("Service added.")).toBeVisible();

  await page.goto(`${base}/staff/settings/therapists/new`);
  await page.getByLabel("First name").fill("Maya");
  await page.getByLabel("Last name").fill("Okafor");
  await page.getByLabel("Credentials").fill("PT, DPT");
  await page.getByLabel(LOCATION, { exact: true }).check();
  await page.getByLabel(SERVICE, { exact: true }).check();
  await page.getByRole("button", { name: "Add therapist" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Maya Okafor was added." })).toBeVisible();

  // Until the therapist has hours, online booking stays closed.
  await page.goto(`${base}/en`);
  await expect(page.getByRole("heading", { name: "Online booking is not open yet" })).toBeVisible();

  // Weekly hours on every weekday, so a time exists whatever day the test runs.
  await page.goto(`${base}/staff/schedules`);
  await page.getByLabel("Therapist").selectOption({ label: "Okafor, Maya (PT, DPT)" });
  await page.getByRole("button", { name: "Show schedule" }).click();
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]) {
    await page.getByRole("button", { name: `Add hours at ${LOCATION}` }).click();
    const dialog = page.getByRole("dialog", { name: "Add working hours" });
    await dialog.getByLabel("Day", { exact: true }).selectOption({ label: day });
    await dialog.getByLabel("Start", { exact: true }).fill("09:00");
    await dialog.getByLabel("End", { exact: true }).fill("17:00");
    await dialog.getByRole("button", { name: "Save hours" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("table", { name: LOCATION }).getByRole("row", { name: new RegExp(`^${day}`) })).toContainText("9:00 AM – 5:00 PM");
  }

  await page.goto(`${base}/staff/settings/reasons`);
  await page.getByLabel("Label in English").fill("Knee pain when running");
  await page.getByLabel("Label in Spanish").fill("Dolor de rodilla al correr");
  await page.getByRole("button", { name: "Add the reason" }).click();
  await expect(page.getByText("Reason added at the end of the list.")).toBeVisible();

  // A patient, on a browser of their own, books it online.
  const patientContext = await browser.newContext({ baseURL: base });
  const patientPage = await patientContext.newPage();
  const patient = uniquePatient("first-run");
  const flow = new BookingFlow(patientPage, "en");
  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(SERVICE);
  await expect(patientPage.getByText(/45 minutes · \$95/)).toBeVisible();
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
  await flow.choosePlace(LOCATION);
  await flow.continueTo(4);
  const slot = await flow.pickFirstSlot();
  await flow.continueTo(5);
  await flow.fillDetails(patient);
  await flow.submitAndExpectBooked();
  await patientContext.close();

  // The desk finds the visit on that day's calendar.
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" }).format(new Date(slot.start));
  await page.goto(`${base}/staff/calendar?location=${locationId}&date=${day}&view=day`);
  await expect(page.locator("[data-appointment-id]", { hasText: `${patient.firstName} ${patient.lastName}` })).toBeVisible();
});
