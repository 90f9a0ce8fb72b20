"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { staffContext } from "@/lib/http/staff-context";
import { completeSetup } from "@/lib/setup/mutations";
import { SETUP_FIELDS, type CompleteSetupForm } from "@/lib/setup/schema";

export interface SetupState {
  message: string | null;
  /** The link can no longer be used: the page shows that instead of the form. */
  dead: boolean;
  fields: Record<string, string>;
  /** What was typed, to put back after an error; never the password. */
  values: Record<string, string>;
  /** Changes on every failed submit, so focus returns to the error summary. */
  attempt: number;
}

export async function completeSetupAction(token: string, previous: SetupState, form: FormData): Promise<SetupState> {
  const input = Object.fromEntries(SETUP_FIELDS.map((field) => [field, String(form.get(field) ?? "")])) as Required<Record<keyof CompleteSetupForm, string>>;
  try {
    await completeSetup(token, input, await staffContext());
  } catch (error) {
    if (!(error instanceof AppError) || !["VALIDATION_FAILED", "NOT_FOUND"].includes(error.code)) throw error;
    const values: Record<string, string> = { ...input, password: "" };
    return { message: error.message, dead: error.code === "NOT_FOUND", fields: error.fields ?? {}, values, attempt: previous.attempt + 1 };
  }
  redirect("/staff/sign-in");
}
