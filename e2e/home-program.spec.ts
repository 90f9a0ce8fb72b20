import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { signIn } from "./fixtures/staff";
import { openCaughtMail } from "./fixtures/outbox";
import { expectHydrated } from "./fixtures/hydration";

// A therapist gives a home program from a visit, the patient opens it from
// the email the worker sends (read in the outbox, as messages.spec.ts does)
// and logs a session in Spanish, and the therapist's day shows it. Dana's
// visits come from the demo seed: Sofía Herrera is hers tomorrow at 08:30.

const DANA = "dana@demo.stride.test";
const ADMIN = "admin@demo.stride.test";
const SOFIA = "sofia.herrera@example.com";

test("a therapist gives a home program from a visit, the patient logs a session in Spanish from the email's link, and the therapist's day shows it", async ({ page, browser }) => {
  // A wait for the worker's process: more than the default minute on a busy machine.
  test.slow();
  await signIn(page, DANA);
  await expect(page).toHaveURL(/\/staff$/);

  // The library: a therapist adds an exercise of her own, in both languages.
  await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Exercises" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exercise library" })).toBeVisible();
  await expect(page.getByRole("region", { name: "In the library" })).toContainText("Seated butterfly stretch");
  const add = page.getByRole("region", { name: "Add an exercise" });
  await add.getByRole("button", { name: "Add exercise" }).click();
  await expect(add.getByRole("status")).toContainText("Please correct the highlighted fields.");
  await expect(add.getByRole("status")).toBeFocused();
  await expect(add.getByText("Enter the name in English.")).toBeVisible();
  await expectNoAxeViolations(page, "the exercise library with errors");
  await add.getByLabel("Name in English").fill("Wall calf stretch");
  await add.getByLabel("Name in Spanish").fill("Estiramiento de gemelos en la pared");
  await add.getByLabel("Steps in English (one a line)").fill("Face a wall, hands on it.\nStep one foot back, heel down.");
  await add.getByLabel("Steps in Spanish (one a line)").fill("Póngase frente a una pared, con las manos apoyadas.\nLleve un pie atrás, con el talón en el suelo.");
  await add.getByLabel("Fewest repetitions").fill("2");
  await add.getByLabel("Most repetitions").fill("3");
  await add.getByLabel("Shortest hold (seconds)").fill("30");
  await add.getByLabel("Longest hold (seconds)").fill("30");
  await add.getByLabel("Each side").check();
  await add.getByRole("button", { name: "Add exercise" }).click();
  await expect(add.getByText("Exercise added.")).toBeVisible();
  const mine = page.getByRole("region", { name: "In the library" }).getByRole("listitem").filter({ hasText: "Wall calf stretch" });
  await expect(mine).toContainText("2–3 times each side · hold 30 s");

  await page.goto("/staff/today");
  const sofia = page.getByRole("region", { name: /^Tomorrow ·/ }).getByRole("article", { name: /Sofía Herrera/ });
  await expect(sofia).not.toContainText("Home program");
  await sofia.getByRole("link", { name: /Visit page and home program/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Visit with Sofía Herrera" })).toBeVisible();

  // The library's three stretches come ticked at their doses: choosing the language and giving is all it takes.
  const form = page.getByRole("region", { name: "Home program" });
  for (const name of ["Lying inner-thigh stretch", "Seated butterfly stretch", "Side lunge stretch"]) await expect(form.getByRole("checkbox", { name: `Give ${name}` })).toBeChecked();
  await expect(form.getByRole("textbox", { name: "Longest hold in seconds for Seated butterfly stretch" })).toHaveValue("60");
  await expect(form.getByRole("checkbox", { name: "Each side for Side lunge stretch" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "Give Wall calf stretch" })).not.toBeChecked();
  await expectNoAxeViolations(page, "the visit page's home program form");
  await expectHydrated(form.getByRole("button", { name: "Give home program" }));
  await form.getByRole("textbox", { name: "Sessions per week" }).fill("3");
  await form.getByRole("combobox", { name: "Language of the email and page" }).selectOption("es");
  await form.getByRole("button", { name: "Give home program" }).click();
  await expect(form.getByRole("status")).toContainText("Home program given.", { timeout: 30_000 });
  await expect(form.getByRole("status")).toBeFocused();

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN);
  await expect(adminPage).toHaveURL(/\/staff$/);
  const mail = await openCaughtMail(adminPage, SOFIA, /^Sus ejercicios en casa$/);
  expect(mail).toContain("Hola, Sofía:");
  expect(mail).toContain("Estiramiento en zancada lateral: Mantenga 15–20 segundos, 2–3 veces de cada lado.");
  const link = /https?:\/\/\S+\/es\/program\/[A-Za-z0-9_-]{43}/.exec(mail)?.[0];
  expect(link, "the email's program link").toBeDefined();
  await admin.close();

  // The patient has no account: a browser of their own, on a phone, here without JavaScript.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false });
  const patient = await phone.newPage();
  await patient.goto(new URL(link!).pathname);
  await expect(patient.getByRole("heading", { level: 1, name: "Sus ejercicios en casa" })).toBeVisible();
  await expect(patient.getByRole("heading", { level: 2, name: "Estiramiento de mariposa sentado" })).toBeVisible();
  await expect(patient.getByText("Mantenga 45–60 segundos, 2–3 veces.")).toBeVisible();
  await expect(patient.getByText("Esta semana (de lunes a domingo): 0 de 3 sesiones hechas.")).toBeVisible();
  await patient.getByRole("radio", { name: "4", exact: true }).check();
  await patient.getByLabel("¿Algo que decirle a su terapeuta? (opcional)").fill("La rodilla bien después de correr.");
  await patient.getByRole("button", { name: "Hice una sesión" }).click();
  await expect(patient.getByRole("status")).toHaveText("Gracias: su sesión quedó anotada.");
  await expect(patient.getByText("Esta semana (de lunes a domingo): 1 de 3 sesiones hechas.")).toBeVisible();

  await phone.close();

  // A wrong token reveals nothing: the plain not-found page.
  const stranger = await browser.newContext();
  const guess = await stranger.newPage();
  const wrong = await guess.goto(`/es/program/${"A".repeat(43)}`);
  expect(wrong?.status()).toBe(404);
  await expect(guess.getByRole("heading", { level: 1 })).toHaveText("Página no encontrada");
  await expect(guess.locator("main")).not.toContainText("ejercicios");
  await stranger.close();

  await page.goto("/staff/today");
  await expect(sofia).toContainText("Home program");
  await expect(sofia).toContainText("1 of 3 sessions this week · pain 4");
  await expectNoAxeViolations(page, "My day with a home program");
});
