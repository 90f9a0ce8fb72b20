import { expect, test } from "@playwright/test";
import { bookThroughApi, findService, listLocations, openSlots } from "./fixtures/api";
import { expectNoAxeViolations } from "./fixtures/axe";
import { BookingFlow } from "./fixtures/booking-flow";
import { issueProgramLink } from "./fixtures/home-program";
import { uniquePatient } from "./fixtures/patient";

test("every step of the booking flow passes axe (WCAG 2.1 A and AA)", async ({ page, request }) => {
  const screening = await findService(request, "free-screening");
  const flow = new BookingFlow(page, "en");

  await page.goto("/en");
  await expectNoAxeViolations(page, "the welcome page");

  await flow.open();
  await expectNoAxeViolations(page, "step 1, what brings you in");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Choose a reason, or choose Something else.")).toBeVisible();
  await expectNoAxeViolations(page, "step 1 with an error");
  await flow.choose(page.getByRole("radio", { name: "Something else" }));
  await page.getByLabel("Tell us briefly what brings you in").fill("Pain behind the kneecap on hills");
  await flow.continueTo(2);

  await flow.chooseService(screening.name.en);
  await flow.chooseMode("HOME");
  await page.getByLabel("Postal code of your home").fill("99999");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/we do not make home visits to 99999/)).toBeVisible();
  await expectNoAxeViolations(page, "step 2, postal code not served");
  await page.getByRole("button", { name: "See me in the clinic instead" }).click();

  await expect(flow.stepHeading(3)).toBeFocused();
  await flow.choosePlace(null);
  await expectNoAxeViolations(page, "step 3, where and with whom");
  await flow.continueTo(4);
  await flow.pickFirstSlot();
  await expectNoAxeViolations(page, "step 4, pick a time");
  await flow.continueTo(5);
  await expectNoAxeViolations(page, "step 5, your details");
  await flow.submitButton().click();
  await expect(page.getByRole("heading", { name: "Please check the following" })).toBeVisible();
  await expectNoAxeViolations(page, "step 5 with errors");

  await flow.fillDetails(uniquePatient("axe"));
  await flow.submitAndExpectBooked();
  await expectNoAxeViolations(page, "the confirmation page");
});

test("the manage page passes axe in every state", async ({ page, request }) => {
  const therapy = await findService(request, "therapy-session");
  const [location] = await listLocations(request);
  if (!location) throw new Error("The demo data has no location.");
  const [slot] = await openSlots(request, { service: therapy, location, daysAhead: 3 });
  if (!slot) throw new Error("No open time to book.");
  const created = await bookThroughApi(request, { service: therapy, slot, patient: uniquePatient("axe-manage"), language: "es" });

  await page.goto(`/es/manage/${created.manageToken}`);
  await expect(page.getByRole("heading", { level: 1, name: "Su cita" })).toBeVisible();
  await expectNoAxeViolations(page, "the manage page in Spanish");

  await page.getByRole("button", { name: "Elegir otra hora" }).click();
  await expect(page.getByRole("group", { name: "Horas disponibles", exact: true }).or(page.getByText("No hay horas disponibles esta semana."))).toBeVisible();
  await expectNoAxeViolations(page, "the reschedule panel");
  await page.getByRole("button", { name: "Mantener la hora actual" }).click();

  await page.getByRole("button", { name: "Cancelar la cita" }).click();
  await expectNoAxeViolations(page, "the cancel panel");
  await page.getByRole("button", { name: "Sí, cancelar la cita" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Su cita está cancelada" })).toBeVisible();
  await expectNoAxeViolations(page, "a cancelled appointment");

  await page.goto("/es/manage/no-existe");
  await expect(page.getByRole("heading", { level: 1, name: "Este enlace no es válido o ha caducado" })).toBeVisible();
  await expectNoAxeViolations(page, "an unknown link");
});

test("the page of a setup link that cannot be used passes axe", async ({ page }) => {
  await page.goto(`/setup/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "This setup link cannot be used" })).toBeVisible();
  await expectNoAxeViolations(page, "a dead setup link");
});

test("a patient's home program passes axe, before and after logging a session, and its log form works from the keyboard", async ({ page }) => {
  const token = await issueProgramLink("es");
  await page.goto(`/es/program/${token}`);
  await expect(page.getByRole("heading", { level: 1, name: "Sus ejercicios en casa" })).toBeVisible();
  await expectNoAxeViolations(page, "the home program in Spanish");

  const none = page.getByRole("radio", { name: "0, sin dolor" });
  await none.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "1", exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Hice una sesión" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Gracias: su sesión quedó anotada.");
  await expectNoAxeViolations(page, "the home program after logging a session");

  // On paper: the exercises alone, without the form, the site's header or its footer.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 2, name: "Estiramiento en zancada lateral" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Hice una sesión" })).toBeHidden();
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.locator("body > footer")).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  await page.goto(`/en/program/${token}`);
  await expect(page.getByRole("heading", { level: 1, name: "Your home exercises" })).toBeVisible();
  await expectNoAxeViolations(page, "the home program in English");
});
