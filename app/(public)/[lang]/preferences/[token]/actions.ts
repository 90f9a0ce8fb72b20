"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { staffContext } from "@/lib/http/staff-context";
import { isLanguage } from "@/lib/i18n/languages";
import { saveReminderPreferences } from "@/lib/patient-preferences/mutations";

/** The preferences form's POST: saves, then shows the page again with what is now stored. */
export async function saveReminderPreferencesAction(lang: string, token: string, form: FormData): Promise<void> {
  if (!isLanguage(lang)) redirect("/");
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  try {
    await saveReminderPreferences(token, { emailReminders: field("emailReminders"), smsReminders: field("smsReminders") }, await staffContext());
  } catch (error) {
    // A link that expired between showing the form and sending it: the page says so.
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
  }
  redirect(`/${lang}/preferences/${encodeURIComponent(token)}?saved=1`);
}
