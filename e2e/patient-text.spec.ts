import { expect, test, type Page } from "@playwright/test";
import { PATIENT_CANCELLED_REASON } from "@/lib/booking/cancellation-reason";
import { bookThroughApi, findService, listLocations, openSlots } from "./fixtures/api";
import { catalogWords } from "./fixtures/catalog-words";
import { uniquePatient } from "./fixtures/patient";

// The words on the patient's pages as a reader meets them: rendered, with
// real times and dates filled in, in both languages.

/** The namespaces whose words the manage page of a cancelled visit may show. */
const PATIENT_NAMESPACES = ["book", "manage", "slots", "terms", "videoVisit"] as const;

async function bookedVisit(page: Page, tag: string, language: "en" | "es") {
  const service = await findService(page.request, "therapy-session");
  const [location] = await listLocations(page.request);
  // Two days out, so the visit can still be changed online and the page states until when.
  const slots = await openSlots(page.request, { service, location: location!, daysAhead: 2 });
  const slot = slots[Math.floor(slots.length / 3)]!;
  return bookThroughApi(page.request, { service, slot, patient: uniquePatient(tag), language });
}

const pageText = (page: Page) => page.locator("main").innerText();

/** Every English sentence of the dictionary or the booking pages' messages long enough to be unmistakably English. */
function englishSentences(node: unknown): string[] {
  if (typeof node === "string") return node.length >= 15 ? [node] : [];
  if (node && typeof node === "object") return Object.values(node).flatMap(englishSentences);
  return [];
}

for (const language of ["en", "es"] as const) {
  test(`a sentence that ends on a time closes with one period (${language})`, async ({ page }) => {
    const booked = await bookedVisit(page, `periods-${language}`, language);
    await page.goto(`/${language}/manage/${booked.manageToken}`);
    // The change deadline is a sentence that ends on a time: "…a las 5:00 a.m." in Spanish.
    await expect(page.getByText(language === "en" ? /^You can change or cancel online until .+\.$/ : /^Puede cambiar o cancelar en línea hasta el .+\.$/)).toBeVisible();
    const text = await pageText(page);
    expect(text.match(/.{0,40}\.\.(?!\.).{0,10}/g) ?? []).toEqual([]);
    // Spanish zone names start with "hora": "Hora mostrada en hora de…" says it twice.
    expect(text.match(/.{0,30}\ben hora de\b.{0,30}/gi) ?? []).toEqual([]);
  });
}

test("a visit cancelled online without a reason says so in Spanish on its Spanish page", async ({ page }) => {
  const booked = await bookedVisit(page, "sin-motivo", "es");
  const cancel = await page.request.delete(`/api/bookings/${booked.manageToken}`, { data: {} });
  expect(cancel.status(), await cancel.text()).toBe(200);

  await page.goto(`/es/manage/${booked.manageToken}`);
  await expect(page.getByRole("heading", { level: 1, name: "Su cita está cancelada" })).toBeVisible();
  await expect(page.getByText("Usted la canceló en línea.")).toBeVisible();
  const text = await pageText(page);
  const english = [PATIENT_CANCELLED_REASON, ...englishSentences(PATIENT_NAMESPACES.map((namespace) => catalogWords("en", namespace)))].filter((sentence) => text.includes(sentence));
  expect(english).toEqual([]);

  await page.goto(`/en/manage/${booked.manageToken}`);
  await expect(page.getByText("You cancelled it online.")).toBeVisible();
});
