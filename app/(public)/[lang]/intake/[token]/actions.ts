"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { isLanguage } from "@/lib/i18n/languages";
import { findPatientIntake } from "@/lib/progress/data";
import { intakeFieldNames, type IntakeProblem } from "@/lib/progress/intake-forms";
import { IntakeRefused, submitIntake } from "@/lib/progress/mutations";

export interface IntakeFormState {
  problems: Record<string, IntakeProblem>;
  values: Record<string, string>;
}

/**
 * The intake page's form, with or without JavaScript: keeps the answers and
 * shows the page again, which then thanks the patient; refused answers come
 * back field by field with what was typed. A link no longer valid shows the
 * page's not-found answer.
 */
export async function submitIntakeAction(lang: string, token: string, _previous: IntakeFormState, form: FormData): Promise<IntakeFormState> {
  if (!isLanguage(lang)) redirect("/");
  const page = `/${lang}/intake/${encodeURIComponent(token)}`;
  const target = await findPatientIntake(token, new Date());
  if (!target) redirect(page);
  const values: Record<string, string> = {};
  for (const name of intakeFieldNames(target.form)) {
    const value = form.get(name);
    if (typeof value === "string") values[name] = value;
  }
  try {
    await submitIntake(token, values, new Date());
  } catch (error) {
    if (error instanceof IntakeRefused) return { problems: error.problems, values };
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
  }
  redirect(page);
}
