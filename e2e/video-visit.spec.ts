import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures/csp";
import { DateTime } from "luxon";
import type { AvailabilityDto, BookingCreatedDto } from "@/lib/booking/api-types";
import { expectNoAxeViolations } from "./fixtures/axe";
import { uniquePatient } from "./fixtures/patient";
import { signIn } from "./fixtures/staff";
import { createVideoPractice, insertVideoVisit, readVisitTimes, type VideoPractice } from "./fixtures/video-practice";
import { FAKE_MEDIA_BROWSER } from "./fixtures/fake-media";

// Two real browsers hold a video visit: Chromium's fake camera and microphone
// feed each side, and the call runs over WebRTC between them.

test.use(FAKE_MEDIA_BROWSER);

let practice: VideoPractice;

test.beforeAll(async () => {
  practice = await createVideoPractice();
});

/** Books the first open video time through the public API, as the booking pages do. */
async function bookVideoVisit(page: Page, firstName: string): Promise<BookingCreatedDto> {
  const today = DateTime.now().setZone("America/Denver");
  const params = new URLSearchParams({ service: practice.serviceSlug, mode: "VIDEO", from: today.toISODate()!, to: today.plus({ days: 1 }).toISODate()! });
  const availability = await page.request.get(`/api/availability?${params}`);
  expect(availability.status(), await availability.text()).toBe(200);
  const [slot] = ((await availability.json()) as AvailabilityDto).slots;
  expect(slot, "the video therapist has an open time within minutes").toBeDefined();
  const response = await page.request.post("/api/bookings", {
    data: { service: practice.serviceSlug, start: slot!.start, mode: "VIDEO", locationId: slot!.locationId, patient: uniquePatient("video", firstName), language: "en" },
  });
  expect(response.status(), await response.text()).toBe(201);
  const booking = (await response.json()) as BookingCreatedDto;
  expect(booking.joinUrl).toMatch(/\/visit\/[A-Za-z0-9_-]{43}$/);
  return booking;
}

function joinPath(booking: BookingCreatedDto): string {
  return new URL(booking.joinUrl!).pathname;
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, permissions: ["camera", "microphone"], timezoneId: "America/Chicago" });
  return { context, page: await context.newPage() };
}

/** The other side's video really plays (frames arrive, with the fake camera's size) and its sound arrives. */
async function expectRemoteVideoPlaying(page: Page) {
  const remote = page.getByTestId("remote-video");
  await expect(remote).toBeVisible();
  await expect
    .poll(() => remote.evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight, playing: !v.paused && v.readyState >= 2 })), { timeout: 20_000 })
    .toEqual({ width: 640, height: 480, playing: true });
  const before = await remote.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(() => remote.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(before);
  // And sound: a live audio track whose packets arrive (a track is "muted" while none do), on an element that is not silenced.
  await expect
    .poll(() =>
      remote.evaluate((v: HTMLVideoElement) => {
        const audio = (v.srcObject as MediaStream | null)?.getAudioTracks()[0];
        return { audio: audio ? `${audio.readyState}${audio.muted ? " muted" : ""}` : "none", elementMuted: v.muted };
      }),
    )
    .toEqual({ audio: "live", elementMuted: false });
}

async function expectStatus(page: Page, status: string) {
  await expect(page.locator(`[data-room-status="${status}"]`)).toBeVisible({ timeout: 20_000 });
}

test("a patient waits, the therapist lets them in from the day view, and they see and hear each other", async ({ browser }) => {
  test.setTimeout(180_000);
  const patient = await newPage(browser);
  const booking = await bookVideoVisit(patient.page, "Marisol");

  // The patient checks camera and microphone, then waits.
  await patient.page.goto(joinPath(booking));
  await expect(patient.page).toHaveURL(/\/en\/visit\//);
  await expect(patient.page.getByRole("heading", { name: "Check your camera and microphone" })).toBeVisible();
  await expect(patient.page.getByRole("combobox", { name: "Camera" })).toBeVisible();
  await expect(patient.page.getByRole("combobox", { name: "Microphone" })).toBeVisible();
  await expect.poll(() => patient.page.getByTestId("local-video").evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  await expectNoAxeViolations(patient.page, "the device check");
  await patient.page.getByRole("button", { name: "Join the video visit" }).click();
  await expect(patient.page.getByText(`${practice.therapistName} knows you are here`)).toBeVisible();
  await expectNoAxeViolations(patient.page, "the waiting room");

  // The therapist sees who is waiting on their day and lets them in.
  const therapist = await newPage(browser);
  await signIn(therapist.page, practice.staffEmail, practice.staffPassword);
  await expect(therapist.page).toHaveURL(/\/staff$/);
  await therapist.page.goto("/staff/today");
  await expect(therapist.page.getByText(/Marisol Runner\s+is waiting for their/)).toBeVisible();
  await therapist.page.getByRole("button", { name: "Let Marisol Runner in and join" }).click();
  await expect(therapist.page).toHaveURL(/\/staff\/visit\//);
  await therapist.page.getByRole("button", { name: "Join the video visit" }).click();

  await expectStatus(therapist.page, "connected");
  await expectStatus(patient.page, "connected");
  await expectRemoteVideoPlaying(therapist.page);
  await expectRemoteVideoPlaying(patient.page);
  await expectNoAxeViolations(patient.page, "the call");

  // Mute and camera off show on the other side.
  await patient.page.getByRole("button", { name: "Mute microphone" }).click();
  await expect(patient.page.getByRole("button", { name: "Mute microphone" })).toHaveAttribute("aria-pressed", "true");
  await expect(therapist.page.getByText("Marisol Runner has muted their microphone.")).toBeVisible();
  await therapist.page.getByRole("button", { name: "Turn camera off" }).click();
  await expect(patient.page.getByText(`${practice.therapistName} has turned their camera off.`)).toBeVisible();
  await patient.page.getByRole("button", { name: "Mute microphone" }).click();
  await expect(therapist.page.getByText("Marisol Runner has muted their microphone.")).toBeHidden();

  // Chat travels between the two browsers.
  await therapist.page.getByLabel("Message").fill("Try ten slow heel slides for me.");
  await therapist.page.getByRole("button", { name: "Send" }).click();
  await expect(patient.page.getByTestId("chat-messages")).toContainText("Try ten slow heel slides for me.");

  // Stride's server out of the patient's reach: they are told, and the call carries on.
  await patient.context.setOffline(true);
  await expect(patient.page.getByText("Cannot reach the clinic's server")).toBeVisible({ timeout: 20_000 });
  await patient.context.setOffline(false);
  await expect(patient.page.getByText("Cannot reach the clinic's server")).toBeHidden({ timeout: 20_000 });
  await expectStatus(patient.page, "connected");
  await expectRemoteVideoPlaying(therapist.page);

  // A third browser with the patient's link cannot take over the call.
  const intruder = await newPage(browser);
  await intruder.page.goto(joinPath(booking));
  await intruder.page.getByRole("button", { name: "Join the video visit" }).click();
  await expect(intruder.page.getByRole("heading", { name: "You cannot join right now" })).toBeVisible();
  await expect(intruder.page.getByText("already open in another window")).toBeVisible();
  await expectStatus(patient.page, "connected");
  await intruder.context.close();
  // On the Spanish page, the refusal is in Spanish too, not in the server's English.
  const intruderEs = await newPage(browser);
  await intruderEs.page.goto(`/es${joinPath(booking)}`);
  await intruderEs.page.getByRole("button", { name: "Entrar a la videoconsulta" }).click();
  await expect(intruderEs.page.getByRole("heading", { name: "No puede entrar ahora" })).toBeVisible();
  await expect(intruderEs.page.getByText("Esta videoconsulta ya está abierta en otra ventana")).toBeVisible();
  await expectStatus(patient.page, "connected");
  await intruderEs.context.close();

  // The patient's connection drops (the page reloads) and the call recovers by itself.
  await patient.page.reload();
  await expectStatus(patient.page, "connected");
  await expectStatus(therapist.page, "connected");
  await expectRemoteVideoPlaying(patient.page);
  await expectRemoteVideoPlaying(therapist.page);

  // Leaving ends the call on both sides; joining again means waiting to be let in.
  await patient.page.getByRole("button", { name: "Leave" }).click();
  await expect(patient.page.getByRole("heading", { name: "You left the video visit" })).toBeVisible();
  await expect(therapist.page.getByText("Nobody else is in the call yet")).toBeVisible();
  await patient.page.getByRole("button", { name: "Join again" }).click();
  await expect(patient.page.getByText(`${practice.therapistName} knows you are here`)).toBeVisible();
  await therapist.page.getByRole("button", { name: "Let them in" }).click();
  await expectStatus(patient.page, "connected");
  await expectRemoteVideoPlaying(therapist.page);

  await therapist.page.getByRole("button", { name: "Leave" }).click();
  await patient.page.getByRole("button", { name: "Leave" }).click();
  const times = await readVisitTimes(booking.id);
  expect(times.status).toBe("CHECKED_IN");
  for (const moment of [times.patientJoinedAt, times.admittedAt, times.therapistJoinedAt, times.patientLeftAt]) expect(moment).toBeInstanceOf(Date);
  expect(times.patientLeftAt!.getTime()).toBeGreaterThan(times.admittedAt!.getTime());
  await patient.context.close();
  await therapist.context.close();
});

test("the room refuses early, late and made-up links, saying when to come back", async ({ page }) => {
  const early = await insertVideoVisit(practice, new Date(Date.now() + 3 * 3_600_000));
  const late = await insertVideoVisit(practice, new Date(Date.now() - 3 * 3_600_000));

  await page.goto(`/visit/${early.joinToken}`);
  await expect(page.getByText(/The video room opens 15 minutes before your visit, at/)).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^The room opens in 2 hours 4[45] minutes$/);
  await expect(page.getByRole("button", { name: "Join the video visit" })).toHaveCount(0);
  await expectNoAxeViolations(page, "an early room");
  const earlyJoin = await page.request.post(`/api/visit/${early.joinToken}/join`, { data: {} });
  expect(earlyJoin.status()).toBe(409);
  expect((await earlyJoin.json()).error.code).toBe("ROOM_NOT_OPEN");

  await page.goto(`/visit/${late.joinToken}`);
  await expect(page.getByText("This visit's video room has closed.")).toBeVisible();
  const lateJoin = await page.request.post(`/api/visit/${late.joinToken}/join`, { data: {} });
  expect(lateJoin.status()).toBe(409);

  const madeUp = "A".repeat(43);
  await page.goto(`/visit/${madeUp}`);
  await expect(page.getByText("This video link is not valid.")).toBeVisible();
  expect((await page.request.post(`/api/visit/${madeUp}/join`, { data: {} })).status()).toBe(404);

  // In Spanish, for a patient who booked in Spanish.
  await page.goto(`/es/visit/${early.joinToken}`);
  await expect(page.getByText(/La sala de video abre 15 minutos antes de su consulta/)).toBeVisible();
  await expect(page.getByText("Horas en la zona horaria de la clínica: hora de las Montañas Rocosas (America/Denver).")).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^La sala abre en 2 horas y 4[45] minutos$/);
});

test("the join page counts down and opens the room by itself, even on a phone whose clock is an hour behind", async ({ browser }) => {
  // The room opens a quarter of an hour before the start: this one opens a few seconds from now.
  // A therapist of its own, so the visit cannot clash with the times the other tests book.
  const own = await createVideoPractice();
  const soon = await insertVideoVisit(own, new Date(Date.now() + 15 * 60_000 + 6_000));
  const { context, page } = await newPage(browser);
  await page.clock.install({ time: Date.now() - 3_600_000 });
  await page.goto(`/en/visit/${soon.joinToken}`);
  await expect(page.getByText(/The video room opens 15 minutes before your visit, at .*Keep this page open: the room opens here by itself\./)).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^The room opens in \d seconds?$/);
  await expectNoAxeViolations(page, "the countdown");
  // A mark on this document: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { strideSameDocument: true }));

  await expect(page.getByRole("heading", { name: "Check your camera and microphone" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Join the video visit" })).toBeVisible();
  expect(await page.evaluate(() => "strideSameDocument" in window), "the room opened in place, without a reload").toBe(true);
  await context.close();
});

test("a cancelled video visit's page offers to book again, in both languages", async ({ page }) => {
  const booking = await bookVideoVisit(page, "Inés");
  const cancel = await page.request.delete(`/api/bookings/${booking.manageToken}`, { data: {} });
  expect(cancel.status(), await cancel.text()).toBe(200);

  await page.goto(joinPath(booking));
  await expect(page.getByText("This visit was cancelled, so its video room is closed. You can book a new visit online, or call the clinic.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Join the video visit" })).toHaveCount(0);
  await expectNoAxeViolations(page, "a cancelled visit's room");
  await page.getByRole("link", { name: "Book again" }).click();
  await expect(page).toHaveURL(/\/en\/book$/);

  await page.goto(`/es${joinPath(booking).replace(/^\/(en|es)\//, "/")}`);
  await expect(page.getByText("Esta consulta se canceló, así que su sala de video está cerrada.", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Reservar de nuevo" })).toHaveAttribute("href", "/es/book");
});
