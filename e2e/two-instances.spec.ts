import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import type { AvailabilityDto, BookingCreatedDto } from "@/lib/booking/api-types";
import { findService, listLocations, openSlots } from "./fixtures/api";
import { uniquePatient } from "./fixtures/patient";
import { signIn } from "./fixtures/staff";
import { createVideoPractice, type VideoPractice } from "./fixtures/video-practice";
import { FAKE_MEDIA_BROWSER } from "./fixtures/fake-media";

// Two app instances on one database (playwright.config.ts starts the second
// on the first one's PostgreSQL): every rule that keeps them consistent lives
// in PostgreSQL, so they behave as one.
const slot = Number(process.env.E2E_SLOT ?? 0);
const instanceA = `http://localhost:${3100 + slot * 10}`;
const instanceB = `http://localhost:${3102 + slot * 10}`;

// Fake camera and microphone for the video visit.
test.use(FAKE_MEDIA_BROWSER);


test("a booking race split across both instances gives exactly one booking", async ({ request }) => {
  const service = await findService(request, "therapy-session");
  const [location] = await listLocations(request);
  const [slotToTake] = await openSlots(request, { service, location: location!, daysAhead: 30 });
  expect(slotToTake).toBeDefined();

  const answers = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const response = await request.post(`${i % 2 === 0 ? instanceA : instanceB}/api/bookings`, {
        data: {
          service: service.id,
          start: slotToTake!.start,
          mode: "CLINIC",
          locationId: slotToTake!.locationId,
          therapistId: slotToTake!.therapistId,
          patient: uniquePatient(`race-${i}`),
          language: "en",
        },
      });
      return { instance: i % 2 === 0 ? "A" : "B", status: response.status() };
    }),
  );
  expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
  expect(answers.filter((a) => a.status >= 500)).toEqual([]);
  // Both instances took part and lost to the same single winner.
  expect(new Set(answers.filter((a) => a.status !== 201).map((a) => a.instance))).toEqual(new Set(["A", "B"]));
});

async function newPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, permissions: ["camera", "microphone"], timezoneId: "America/Chicago" });
  return { context, page: await context.newPage() };
}

async function expectRemoteVideo(page: Page) {
  await expect(page.locator('[data-room-status="connected"]')).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(() => page.getByTestId("remote-video").evaluate((v: HTMLVideoElement) => v.videoWidth > 0 && !v.paused && v.readyState >= 2), { timeout: 20_000 })
    .toBe(true);
}

test.describe("a video visit", () => {
  let practice: VideoPractice;
  test.beforeAll(async () => {
    practice = await createVideoPractice();
  });

  test("connects a patient on one instance with a therapist on the other", async ({ browser }) => {
    test.setTimeout(180_000);
    const patient = await newPage(browser, instanceA);
    const today = DateTime.now().setZone("America/Denver");
    const params = new URLSearchParams({ service: practice.serviceSlug, mode: "VIDEO", from: today.toISODate()!, to: today.plus({ days: 1 }).toISODate()! });
    const availability = await patient.page.request.get(`/api/availability?${params}`);
    const [slotToBook] = ((await availability.json()) as AvailabilityDto).slots;
    expect(slotToBook, "the video therapist has an open time within minutes").toBeDefined();
    const booked = await patient.page.request.post("/api/bookings", {
      data: { service: practice.serviceSlug, start: slotToBook!.start, mode: "VIDEO", locationId: slotToBook!.locationId, patient: uniquePatient("two-instances", "Ines"), language: "en" },
    });
    expect(booked.status(), await booked.text()).toBe(201);
    const booking = (await booked.json()) as BookingCreatedDto;

    await patient.page.goto(new URL(booking.joinUrl!).pathname);
    await patient.page.getByRole("button", { name: "Join the video visit" }).click();
    await expect(patient.page.getByText(`${practice.therapistName} knows you are here`)).toBeVisible();

    const therapist = await newPage(browser, instanceB);
    await signIn(therapist.page, practice.staffEmail, practice.staffPassword);
    await expect(therapist.page).toHaveURL(/\/staff$/);
    await therapist.page.goto("/staff/today");
    await therapist.page.getByRole("button", { name: "Let Ines Runner in and join" }).click();
    await expect(therapist.page).toHaveURL(/\/staff\/visit\//);
    await therapist.page.getByRole("button", { name: "Join the video visit" }).click();

    await expectRemoteVideo(therapist.page);
    await expectRemoteVideo(patient.page);
    await therapist.page.getByLabel("Message").fill("Hello from the other server.");
    await therapist.page.getByRole("button", { name: "Send" }).click();
    await expect(patient.page.getByTestId("chat-messages")).toContainText("Hello from the other server.");
    await patient.context.close();
    await therapist.context.close();
  });
});
