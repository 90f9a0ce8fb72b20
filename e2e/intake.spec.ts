import path from "node:path";
import { embeddedDatabaseUrl } from "../lib/db/embedded-credentials";
import { withDatabase } from "../test/video-practice";
import { readBooking } from "./fixtures/api";
import { expectNoAxeViolations } from "./fixtures/axe";
import { fillScreeningUpToConfirm } from "./fixtures/booking-flow";
import { expect, test } from "./fixtures/csp";
import { expectHydrated } from "./fixtures/hydration";
import { openCaughtMail } from "./fixtures/outbox";
import { FRONT_DESK, signIn } from "./fixtures/staff";

// Progress from the patient's first click: a screening booked in Spanish for
// inner-knee pain, the confirmation's link to the knee questions, answers
// refused and then kept (without JavaScript, on a phone), the answers on the
// visit's page, a check recorded there, and both scores on the profile's
// chart and table, which the front desk does not see.

const ADMIN = "admin@demo.stride.test";
const slot = Number(process.env.E2E_SLOT ?? 0);
const databaseUrl = () => embeddedDatabaseUrl(path.resolve(".data", `e2e-${slot}`, "pg"), 55000 + slot * 10);

test("a first visit's intake answers and progress scores reach the therapist's page and the patient's chart", async ({ browser, page, request }) => {
  // Waits for the worker to send the confirmation: more than the default minute on a busy machine.
  test.slow();
  const { flow, patient } = await fillScreeningUpToConfirm(page, request, "intake-es", { language: "es", firstName: "Lucía" });
  const booking = await readBooking(request, await flow.submitAndExpectBooked());
  expect(booking.reason).toBe("Dolor en la parte interna de la rodilla al correr");

  // The confirmation, in Spanish, carries the private link to the knee questions.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN);
  await expect(adminPage).toHaveURL(/\/staff$/);
  const mail = await openCaughtMail(adminPage, patient.email, /^Su cita del .* está reservada$/);
  expect(mail).toContain("Antes de su primera visita");
  const link = /https?:\/\/\S+\/es\/intake\/[A-Za-z0-9_-]{43}/.exec(mail)?.[0];
  expect(link, "the confirmation's intake link").toBeDefined();
  const intakePath = new URL(link!).pathname;

  // On a phone without JavaScript: refused answers come back beside their questions, with what was typed.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false });
  const patientPage = await phone.newPage();
  await patientPage.goto(intakePath);
  await expect(patientPage.getByRole("heading", { level: 1, name: "Antes de su primera visita" })).toBeVisible();
  await expect(patientPage.getByText("Hola, Lucía.")).toBeVisible();
  await patientPage.getByRole("radio", { name: "La parte interior" }).check();
  await patientPage.getByLabel("¿Cuánto corre normalmente en una semana?").fill("mucho");
  await patientPage.getByRole("button", { name: "Enviar mis respuestas" }).click();
  await expect(patientPage.getByRole("alert")).toHaveText("Algunas respuestas necesitan revisión: vea los mensajes junto a ellas.");
  const distance = patientPage.getByLabel("¿Cuánto corre normalmente en una semana?");
  await expect(distance).toHaveValue("mucho");
  await expect(distance).toHaveAccessibleDescription("Escriba un número, por ejemplo 20.");
  await expect(patientPage.getByLabel(/¿Desde cuándo\?/)).toHaveAccessibleDescription("Responda esta pregunta, por favor.");
  await expect(patientPage.getByRole("radio", { name: "La parte interior" })).toBeChecked();

  await patientPage.getByLabel(/¿Desde cuándo\?/).fill("hace tres semanas");
  await distance.fill("25");
  await patientPage.getByLabel("Unidad").selectOption("km");
  await patientPage.getByRole("group", { name: /¿Cuánto le duele ahora\?/ }).getByRole("radio", { name: "6", exact: true }).check();
  await patientPage.getByRole("group", { name: /¿Cuánto de sus carreras/ }).getByRole("radio", { name: "60 %", exact: true }).check();
  await patientPage.getByLabel(/¿Qué le gustaría volver a poder hacer\?/).fill("Correr la media maratón de marzo.");
  await patientPage.getByRole("button", { name: "Enviar mis respuestas" }).click();
  await expect(patientPage.getByRole("status")).toHaveText(/^Gracias: sus respuestas llegaron a su terapeuta\./);
  await phone.close();

  // Opened again (with JavaScript this time), the link thanks the patient and asks nothing more.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto(intakePath);
  await expect(againPage.getByRole("status")).toHaveText(/^Gracias/);
  await expect(againPage.getByRole("button", { name: "Enviar mis respuestas" })).toHaveCount(0);
  await expectNoAxeViolations(againPage, "the intake page once answered");
  await again.close();

  // The visit's page shows the answers (in the staff's English) and takes a two-weekly check.
  await adminPage.goto(`/staff/visit/${booking.id}`);
  const answers = adminPage.getByRole("region", { name: "Intake answers" });
  await expect(answers).toContainText("Answered");
  await expect(answers).toContainText("(in Spanish)");
  await expect(answers.getByRole("definition").filter({ hasText: "The inner side" })).toHaveCount(1);
  await expect(answers).toContainText("25 km");
  await expect(answers).toContainText("6/10");
  await expect(answers).toContainText("60%");
  await expect(answers).toContainText("Correr la media maratón de marzo.");
  const check = adminPage.getByRole("region", { name: "Progress check" });
  await expect(check).toContainText("pain 6/10, function 60%.");
  await expectHydrated(check.getByRole("button", { name: "Record score" }));
  await check.getByLabel("Pain (0 none – 10 worst)").fill("3");
  await check.getByLabel("Function (0 – 100%, 100 = full)").fill("80");
  await check.getByRole("button", { name: "Record score" }).click();
  await expect(check.getByRole("status")).toHaveText("Score recorded.", { timeout: 30_000 });
  await expectNoAxeViolations(adminPage, "the visit page with intake answers");

  // The profile draws both scores and lists them as a table.
  const patientId = await withDatabase(databaseUrl(), async (db) => (await db.query<{ id: string }>(`SELECT "id" FROM "Patient" WHERE "email" = $1`, [patient.email])).rows[0]!.id);
  await adminPage.goto(`/staff/patients/${patientId}`);
  const progress = adminPage.getByRole("region", { name: "Progress" });
  await expect(progress.locator(".recharts-line")).toHaveCount(2);
  const rows = progress.getByRole("table", { name: "Pain (0–10) and function (0–100%) over time" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(/6\s*60\s*Intake form/);
  await expect(rows.nth(2)).toContainText(/3\s*80\s*Check/);
  await expectNoAxeViolations(adminPage, "the patient's profile with the progress chart");
  await admin.close();

  // The scores are clinical: the front desk's view of the same profile has no progress section.
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(`/staff/patients/${patientId}`);
  await expect(page.getByRole("heading", { level: 2, name: "Upcoming appointments" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Progress" })).toHaveCount(0);
});
