import { expect, test } from "./fixtures/csp";
import { expectNoAxeViolations } from "./fixtures/axe";
import { fillScreeningUpToConfirm } from "./fixtures/booking-flow";
import { signIn } from "./fixtures/staff";

const ADMIN = "admin@demo.stride.test";
const ANSWER = "If this address has visits with us, we have sent it a message with their links. Check your inbox and spam folder.";

test("a patient who lost their link asks for it by email, and the message's link opens the visit", async ({ page, request }) => {
  // A booking, two axe runs and a wait for the worker: more than the default minute on a busy machine.
  test.slow();
  const { flow, patient, screening } = await fillScreeningUpToConfirm(page, request, "find-my-booking");
  const token = await flow.submitAndExpectBooked();

  // The booked page says where to go when the link is lost.
  await page.getByRole("link", { name: "Find my booking" }).click();
  await expect(page).toHaveURL(/\/en\/manage$/);
  await expect(page.getByRole("heading", { level: 1, name: "Find my booking" })).toBeVisible();
  await expectNoAxeViolations(page, "/en/manage");

  // An address that is not one is refused beside its field, by keyboard.
  const field = page.getByRole("textbox", { name: "Email address" });
  await field.fill("not an address");
  await field.press("Enter");
  await expect(page.getByRole("group", { name: "There is a problem" })).toBeFocused();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/Enter a valid email address/);

  await field.fill(patient.email.toUpperCase());
  await page.getByRole("button", { name: "Send me my links" }).press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: "Check your email" })).toBeFocused();
  await expect(page.getByText(ANSWER)).toBeVisible();

  // The worker sends it in its own time; the administrator reads it in the outbox.
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/outbox");
  const row = page.getByRole("row").filter({ hasText: patient.email }).filter({ hasText: "Find my booking" });
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("Sent", { timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await expect(row).toHaveCount(1);
  await page.getByRole("listitem").filter({ hasText: `to ${patient.email}` }).filter({ hasText: "Your upcoming visits" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Your upcoming visits with / })).toBeVisible();
  const text = await page.locator("pre").innerText();
  const link = /https?:\/\/\S+\/en\/manage\/([A-Za-z0-9_-]{43})/.exec(text);
  expect(link).not.toBeNull();
  // The message's own link, not the one the booking page showed.
  expect(link![1]).not.toBe(token);

  await page.goto(new URL(link![0]).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Your appointment" })).toBeVisible();
  await expect(page.getByText(screening.name.en).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Choose a new time" })).toBeVisible();
});

test("the Spanish page gives the same answer for an address nobody booked with; the home page and a broken link point to it", async ({ page }) => {
  await page.goto("/es");
  await page.getByRole("link", { name: "¿Ya reservó? Busque su cita para cambiarla o cancelarla." }).click();
  await expect(page).toHaveURL(/\/es\/manage$/);

  await page.goto("/es/manage/not-a-real-link");
  await expect(page.getByRole("heading", { level: 1, name: "Este enlace no es válido o ha caducado" })).toBeVisible();
  await page.getByRole("link", { name: "Buscar mi cita" }).click();
  await expect(page).toHaveURL(/\/es\/manage$/);
  await expect(page.getByRole("heading", { level: 1, name: "Buscar mi cita" })).toBeVisible();
  await expectNoAxeViolations(page, "/es/manage");

  await page.getByRole("button", { name: "Enviarme mis enlaces" }).click();
  await expect(page.getByRole("group", { name: "Hay un problema" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Escriba su correo electrónico." })).toBeVisible();
  await expectNoAxeViolations(page, "/es/manage with an error");

  await page.getByRole("textbox", { name: "Correo electrónico" }).fill(`nadie-${Date.now()}@example.test`);
  await page.getByRole("button", { name: "Enviarme mis enlaces" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Revise su correo" })).toBeFocused();
  await expect(page.getByText("Si esta dirección tiene citas con nosotros, le hemos enviado un mensaje con sus enlaces.", { exact: false })).toBeVisible();
});
