import { expect, test } from "@playwright/test";
import { findService, readBooking } from "./fixtures/api";
import { BookingFlow } from "./fixtures/booking-flow";
import { uniquePatient } from "./fixtures/patient";

test("un paciente reserva una evaluación a domicilio en español", async ({ page, request }) => {
  const screening = await findService(request, "free-screening");
  const patient = uniquePatient("screening-es", "Lucía");
  const flow = new BookingFlow(page, "es");

  await page.goto("/es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByRole("link", { name: "Reservar una cita" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Paso 1 de 5.*¿Cuál es el motivo de su consulta\?/ })).toBeVisible();

  await flow.chooseFirstReason();
  await flow.continueTo(2);
  await flow.chooseService(screening.name.es);
  await expect(page.getByText(/20 minutos · Gratis/)).toBeVisible();
  await flow.chooseMode("HOME");

  // A postal code no location serves is refused on the spot, with the clinic offered instead.
  const postalCode = page.getByLabel("Código postal de su domicilio");
  await postalCode.fill("99999");
  await page.getByRole("button", { name: "Continuar" }).press("Enter");
  await expect(page.getByText(/todavía no hacemos visitas a domicilio en el código postal 99999/)).toBeVisible();
  await expect(postalCode).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("button", { name: "Prefiero que me atiendan en la clínica" })).toBeVisible();

  await postalCode.fill("79912");
  await flow.continueTo(3);
  await expect(page.getByText("Las visitas a su domicilio salen de")).toBeVisible();
  await flow.choosePlace(null);
  await flow.continueTo(4);
  await expect(page.getByText("Las horas se muestran en esta zona horaria: hora de las Montañas Rocosas (America/Denver).")).toBeVisible();
  await flow.pickFirstSlot();
  await flow.continueTo(5);

  await expect(page.getByLabel("Código postal", { exact: true })).toHaveValue("79912");
  await expect(page.getByLabel("Idioma de los mensajes sobre esta cita")).toHaveValue("es");
  await flow.fillDetails(patient, { line1: "123 Calle del Sol", city: "El Paso" });
  const token = await flow.submitAndExpectBooked();

  await expect(page.getByRole("heading", { level: 1, name: "Su cita está reservada" })).toBeVisible();
  await expect(page.getByText("En su domicilio")).toBeVisible();
  await expect(page.getByText("123 Calle del Sol")).toBeVisible();
  const languageRow = page.getByRole("definition").filter({ has: page.locator('[lang="es"]') });
  await expect(languageRow).toHaveText("Español");
  expect((await readBooking(request, token)).language).toBe("es");
});

test("switching language part-way keeps what the patient typed", async ({ page, request }) => {
  const screening = await findService(request, "free-screening");
  const flow = new BookingFlow(page, "en");

  await flow.open();
  await flow.choose(page.getByRole("radio", { name: "Something else" }));
  await page.getByLabel("Tell us briefly what brings you in").fill("Knee pain after long runs");
  await flow.continueTo(2);
  await flow.chooseService(screening.name.en);

  await page.getByRole("link", { name: "Ver esta página en español" }).click();
  // The switch opens /es/book; the form resumes the step the patient was on and the address says it.
  await expect(page).toHaveURL(/\/es\/book\?step=kind$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 2, name: /Paso 2 de 5.*Tipo de cita/ })).toBeVisible();
  await expect(page.getByRole("radio", { name: screening.name.es, exact: true })).toBeChecked();

  await page.getByRole("button", { name: "Atrás" }).click();
  await expect(page.getByLabel("Cuéntenos brevemente el motivo de su consulta")).toHaveValue("Knee pain after long runs");
});
