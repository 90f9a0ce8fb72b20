import { expect, test, type Page } from "@playwright/test";
import { formatLocalDay } from "@/lib/i18n/format-date-time";
import { expectNoAxeViolations } from "./fixtures/axe";
import { findService } from "./fixtures/api";
import { BookingFlow } from "./fixtures/booking-flow";

// The time step on a phone: a week strip of days, then the chosen day's
// times. Days and times are two radio groups, so arrow keys move within one
// and Tab moves between them; every name is said in full.

const WESTSIDE = "Border Therapy Services: Westside";
const LAS_CRUCES = "Border Therapy Services: Las Cruces";

async function toPlaceStep(flow: BookingFlow, serviceName: string) {
  await flow.open();
  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(serviceName);
  await flow.chooseMode("CLINIC");
  await flow.continueTo(3);
}

async function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
}

test("the days and the times are two keyboard groups, with full names, and a time on another day can be chosen", async ({ page, request }) => {
  const therapy = await findService(request, "therapy-session");
  const flow = new BookingFlow(page, "en");
  await toPlaceStep(flow, therapy.name.en);
  await flow.choosePlace(WESTSIDE);
  await expect(page.getByText("Every therapist listed speaks English.")).toBeVisible();
  await flow.continueTo(4);

  const days = flow.dayGroup();
  const openDays = days.getByRole("radio", { disabled: false });
  const firstDay = openDays.first();
  // The first day with times is chosen from the start, named in full.
  await expect(firstDay).toBeChecked();
  await expect(firstDay).toHaveAccessibleName(formatLocalDay(await firstDay.inputValue(), "en"));
  await expect(days.getByRole("radio")).toHaveCount(7);

  // Nobody works on Sundays at this clinic: the day is there, said to have no times, and cannot be chosen.
  const dates = await days.getByRole("radio").evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value));
  const sunday = dates.find((date) => new Date(`${date}T12:00:00Z`).getUTCDay() === 0)!;
  const sundayRadio = days.locator(`input[value="${sunday}"]`);
  await expect(sundayRadio).toBeDisabled();
  await expect(sundayRadio).toHaveAccessibleName(`${formatLocalDay(sunday, "en")}, no open times`);

  // Tab reaches the chosen day; an arrow key moves to, and chooses, the next day with times.
  await page.getByRole("button", { name: flow.t.slots.nextWeek, exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(firstDay).toBeFocused();
  await page.keyboard.press("ArrowRight");
  const secondDay = openDays.nth(1);
  await expect(secondDay).toBeFocused();
  await expect(secondDay).toBeChecked();
  const secondLabel = formatLocalDay(await secondDay.inputValue(), "en");
  await expect(page.getByRole("heading", { name: `Open times on ${secondLabel}` })).toBeVisible();

  // Tab moves on to that day's times, each named with its time first, then the day in full.
  const times = flow.slotGroup().getByRole("radio");
  await page.keyboard.press("Tab");
  await expect(times.first()).toBeFocused();
  const escaped = secondLabel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(times.first()).toHaveAccessibleName(new RegExp(`^\\d{1,2}:\\d{2}\\s[AP]M, ${escaped}, with [A-Z].+$`));
  await page.keyboard.press("ArrowRight");
  await expect(times.nth(1)).toBeFocused();
  await expect(times.nth(1)).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(times.first()).toBeFocused();
  await expect(times.first()).toBeChecked();
  const chosenName = (await times.first().getAttribute("aria-label"))!;

  // Shift+Tab goes back to the days as one stop; Tab again leaves the times after one stop.
  await page.keyboard.press("Shift+Tab");
  await expect(secondDay).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(times.first()).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await focusedName(page)).not.toBe("slot");

  await expect(page.getByText(new RegExp(`^You chose ${escaped} at `))).toBeVisible();
  await flow.continueTo(5);
  const summary = page.getByRole("region", { name: flow.t.book.details.appointmentHeading });
  // The visit's own line; the change deadline's sentence may name the same day.
  await expect(summary.getByRole("definition").filter({ hasText: new RegExp(`^${escaped}`) })).toBeVisible();

  // Coming back shows the chosen time's day, with the time still chosen.
  await page.getByRole("button", { name: flow.t.book.back, exact: true }).press("Enter");
  await expect(flow.stepHeading(4)).toBeVisible();
  await expect(secondDay).toBeChecked();
  await expect(flow.slotGroup().getByRole("radio", { name: chosenName, exact: true })).toBeChecked();
});

test("the place and time steps say which therapists speak the patient's language, and when none does", async ({ page, request }) => {
  const graston = await findService(request, "graston-technique");
  const flow = new BookingFlow(page, "es");
  await toPlaceStep(flow, graston.name.es);

  await flow.choose(page.getByRole("radio", { name: LAS_CRUCES, exact: true }));
  await expect(page.getByText("Ningún terapeuta de la lista habla español.")).toBeVisible();
  await flow.choose(page.getByRole("radio", { name: WESTSIDE, exact: true }));
  await expect(page.getByText("Luis Carrillo habla español.")).toBeVisible();

  // Someone who does not speak it: the time step says so for the day shown.
  await flow.choose(page.getByRole("radio", { name: /^Dana Whitfield,/ }));
  await flow.continueTo(4);
  await expect(flow.slotGroup()).toBeVisible();
  await expect(page.getByText("Ningún terapeuta con horas este día habla español.")).toBeVisible();

  await page.getByRole("button", { name: flow.t.book.back, exact: true }).press("Enter");
  await expect(flow.stepHeading(3)).toBeVisible();
  await flow.choose(page.getByRole("radio", { name: /^Luis Carrillo,/ }));
  await flow.continueTo(4);
  await expect(flow.slotGroup()).toBeVisible();
  await expect(page.getByText("Luis Carrillo habla español.")).toBeVisible();
  await expect(flow.slotGroup().getByRole("radio").first()).toHaveAccessibleName(/, con Luis Carrillo( \(.+\))?$/);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("Continue stays in view after choosing a time, on the first day or a later one", async ({ page, request }) => {
    const therapy = await findService(request, "therapy-session");
    const flow = new BookingFlow(page, "en");
    await toPlaceStep(flow, therapy.name.en);
    await flow.choosePlace(WESTSIDE);
    await flow.continueTo(4);

    const continueButton = page.getByRole("button", { name: flow.t.book.continue, exact: true });
    const times = flow.slotGroup().getByRole("radio");
    await flow.choose(times.first());
    await expect(continueButton).toBeInViewport();
    await expectNoAxeViolations(page, "the time step on a phone");

    await flow.choose(flow.dayGroup().getByRole("radio", { disabled: false }).last());
    await flow.choose(times.last());
    await expect(times.last()).toBeInViewport();
    await expect(continueButton).toBeInViewport();
    await flow.continueTo(5);
  });
});
