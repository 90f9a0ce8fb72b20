import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import type { AvailabilityDto, LocationDto, TherapistDto } from "@/lib/booking/api-types";
import { bookThroughApi, findService, listLocations } from "./fixtures/api";
import { expectNoAxeViolations } from "./fixtures/axe";
import { uniquePatient } from "./fixtures/patient";
import { FRONT_DESK, signIn } from "./fixtures/staff";

const ADMIN = "admin@demo.stride.test";
const DANA = "dana@demo.stride.test";

/** Books a new patient with one demo therapist, through the public API; answers the patient as booked. */
async function bookWith(request: APIRequestContext, therapistSlug: string, lastName: string, daysAhead: number) {
  const service = await findService(request, "therapy-session");
  const location = (await listLocations(request)).find((l: LocationDto) => l.slug === "el-paso-westside")!;
  const { therapists } = (await (await request.get(`/api/therapists?location=${location.id}`)).json()) as { therapists: TherapistDto[] };
  const therapist = therapists.find((t) => t.slug === therapistSlug)!;
  const from = DateTime.now().setZone(location.timeZone).plus({ days: daysAhead });
  const params = new URLSearchParams({ service: service.id, location: location.id, therapist: therapist.id, mode: "CLINIC", from: from.toISODate()!, to: from.plus({ days: 6 }).toISODate()! });
  const { slots } = (await (await request.get(`/api/availability?${params}`)).json()) as AvailabilityDto;
  const patient = { ...uniquePatient("staff-patients", therapistSlug === "dana-whitfield" ? "Avery" : "Blake"), lastName };
  await bookThroughApi(request, { service, slot: slots[0]!, patient });
  return patient;
}

/** Searches from the patients page, as a person would: the term goes in the form's body, never the address. */
async function search(page: Page, text: string) {
  if (!page.url().endsWith("/staff/patients")) await page.goto("/staff/patients");
  await page.getByLabel("Find a patient").fill(text);
  await page.getByRole("button", { name: "Search" }).click();
}

test("the front desk finds a patient by part of a phone number, opens the profile and changes the phone", async ({ page }) => {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Patients" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();

  // Priya Nair's demo number is +15755550103; any formatting of a part of it finds her.
  await page.getByLabel("Find a patient").fill("555 0103");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toHaveText("1 patient matches “555 0103”.");
  // The term stays out of the address (history, proxy logs) and stays in the box.
  await expect(page).toHaveURL(/\/staff\/patients$/);
  await expect(page.getByLabel("Find a patient")).toHaveValue("555 0103");
  const row = page.getByRole("row", { name: /Nair, Priya/ });
  await expect(row).toContainText("+15755550103");
  await expect(row).toContainText("priya.nair@example.com");
  await expect(row).toContainText("Jan 27, 1994");
  await expectNoAxeViolations(page, "patient search results");

  await row.getByRole("link", { name: "Nair, Priya" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Priya Nair" })).toBeVisible();
  await expect(page.getByText("+15755550103")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Upcoming appointments" })).toBeVisible();
  await expect(page.getByText("Mountain Time (America/Denver)").first()).toBeVisible();
  await expectNoAxeViolations(page, "patient profile");
  const profileUrl = page.url();

  await page.getByRole("link", { name: "Edit contact details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit contact details" })).toBeVisible();
  const phone = page.getByLabel("Phone");
  await expect(phone).toHaveValue("+15755550103");

  await phone.fill("12");
  await page.getByRole("button", { name: "Save contact details" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the highlighted fields." })).toBeFocused();
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a phone number we can text or call, e.g. (201) 555-0123 or +1 201 555 0123.")).toBeVisible();
  await expectNoAxeViolations(page, "patient edit form with an error");

  await phone.fill("(575) 555-0199");
  await page.getByRole("button", { name: "Save contact details" }).click();
  await expect(page).toHaveURL(`${profileUrl}?saved=1`);
  await expect(page.getByRole("status")).toHaveText("Contact details saved.");
  // Stored as texts are addressed.
  await expect(page.getByText("+15755550199")).toBeVisible();

  // The new number is what the search finds now; the old one is gone.
  await search(page, "555-0199");
  await expect(page.getByRole("row", { name: /Nair, Priya/ })).toBeVisible();
  await search(page, "5550103");
  await expect(page.getByRole("status")).toHaveText("No patients match “5550103”.");
  await search(page, "7");
  await expect(page.getByLabel("Find a patient")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter at least 3 digits of a phone number.")).toBeVisible();
  await expect(page).toHaveURL(/\/staff\/patients$/);

  // Put the demo number back, so the demo (and a second run) reads as before.
  await page.goto(`${profileUrl}/edit`);
  await page.getByLabel("Phone").fill("+15755550103");
  await page.getByRole("button", { name: "Save contact details" }).click();
  await expect(page.getByText("+15755550103")).toBeVisible();
});

test("a therapist searching sees only patients she has a visit with", async ({ page, request }) => {
  const lastName = `Scoped${Date.now().toString(36)}`;
  const danas = await bookWith(request, "dana-whitfield", lastName, 3);
  const luiss = await bookWith(request, "luis-carrillo", lastName, 3);

  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  await search(page, lastName);
  await expect(page.getByRole("status")).toHaveText(`2 patients match “${lastName}”.`);
  const luisRow = page.getByRole("row", { name: new RegExp(`${luiss.firstName}`) });
  const luisProfile = await luisRow.getByRole("link").getAttribute("href");
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, DANA);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/patients");
  await expect(page.getByText("You see the patients you have a visit with.")).toBeVisible();
  await page.getByLabel("Find a patient").fill(lastName.toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toHaveText(`1 patient matches “${lastName.toLowerCase()}”.`);
  await expect(page.getByRole("row", { name: new RegExp(`${lastName}, ${danas.firstName}`) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(luiss.firstName) })).toHaveCount(0);
  await expectNoAxeViolations(page, "patient search as a therapist");

  await page.getByRole("link", { name: `${lastName}, ${danas.firstName}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${danas.firstName} ${lastName}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit contact details" })).toHaveCount(0);
  await expectNoAxeViolations(page, "patient profile as a therapist");

  const colleagues = await page.goto(luisProfile!);
  expect(colleagues?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Patient not found" })).toBeVisible();
  const edit = await page.goto(`${luisProfile!}/edit`);
  expect(edit?.status()).toBe(404);
});

test("an administrator finds a search in the audit log by its action and by a patient it listed, without the term", async ({ page, request }) => {
  const lastName = `Logged${Date.now().toString(36)}`;
  await bookWith(request, "dana-whitfield", lastName, 4);

  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await search(page, lastName);
  await expect(page.getByRole("status")).toHaveText(`1 patient matches “${lastName}”.`);
  await expect(page).toHaveURL(/\/staff\/patients$/);
  const profile = await page.getByRole("row", { name: new RegExp(lastName) }).getByRole("link").getAttribute("href");
  const patientId = profile!.split("/").at(-1)!;

  await page.goto("/staff/audit");
  await page.getByLabel("Action").selectOption({ label: "Searched patients (patient.search)" });
  await page.getByLabel("Patient id").fill(patientId);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const rows = page.getByRole("row").filter({ hasText: "patient.search" });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Searched patients");
  await expect(rows).toContainText("PatientSearch name");
  await expect(page.locator("body")).not.toContainText(lastName);
  await expectNoAxeViolations(page, "audit log filtered to patient searches");
});

test("the calendar's patient finder searches without putting the term in any address", async ({ page, request }) => {
  const lastName = `Finder${Date.now().toString(36)}`;
  const patient = await bookWith(request, "luis-carrillo", lastName, 5);
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  const searches: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/staff/patients/search")) searches.push(`${r.method()} ${r.url()} ${r.postData()}`);
  });
  await page.goto("/staff/calendar");
  await page.getByRole("button", { name: "Book a caller" }).click();
  const dialog = page.getByRole("dialog", { name: "Book a caller" });
  await dialog.getByLabel("Find by name, phone, email or date of birth").fill(lastName);
  await expect(dialog.getByRole("status")).toHaveText("1 found");
  await expect(dialog.getByLabel(new RegExp(`${patient.firstName} ${lastName}`))).toBeVisible();
  expect(searches.length).toBeGreaterThan(0);
  for (const line of searches) expect(line).toMatch(/^POST \S+\/api\/staff\/patients\/search \{"q":"/);
});
