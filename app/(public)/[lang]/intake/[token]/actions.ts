"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { publicBaseUrl } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { isLanguage } from "@/lib/i18n/languages";
import { findPatientIntake } from "@/lib/progress/data";
import { intakeFieldNames } from "@/lib/progress/intake-forms";
import { IntakeRefused, submitIntake } from "@/lib/progress/mutations";
import { INTAKE_FLASH_COOKIE, intakePagePath } from "./flash";

/**
 * The intake page's form, a plain POST that works without JavaScript: keeps
 * the answers and shows the page again, which then thanks the patient.
 * Refused answers go back to the page in a short-lived cookie of its own
 * (never in the address, which servers log), with what was typed, so each
 * question can say what is wrong. A link no longer valid shows the page's
 * not-found answer.
 */
export async function submitIntakeAction(lang: string, token: string, form: FormData): Promise<void> {
  if (!isLanguage(lang)) redirect("/");
  const page = intakePagePath(lang, token);
  const target = await findPatientIntake(token, new Date());
  if (!target) redirect(page);
  const values: Record<string, string> = {};
  for (const name of intakeFieldNames(target.form)) {
    const value = form.get(name);
    if (typeof value === "string") values[name] = value;
  }
  const jar = await cookies();
  try {
    await submitIntake(token, values, new Date());
    jar.delete({ name: INTAKE_FLASH_COOKIE, path: page });
  } catch (error) {
    if (error instanceof IntakeRefused) {
      jar.set(INTAKE_FLASH_COOKIE, JSON.stringify({ problems: error.problems, values }), { path: page, httpOnly: true, sameSite: "lax", secure: publicBaseUrl().startsWith("https:"), maxAge: 300 });
      redirect(`${page}?problem=1`);
    }
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
  }
  redirect(page);
}
