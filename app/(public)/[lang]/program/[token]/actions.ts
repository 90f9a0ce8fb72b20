"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { logProgramSession } from "@/lib/exercise-programs/mutations";
import { staffContext } from "@/lib/http/staff-context";
import { isLanguage } from "@/lib/i18n/languages";

/**
 * The program page's "I did a session" form, with or without JavaScript:
 * logs the session (once per form, by its key) and shows the page again,
 * saying whether it was logged. A link no longer valid shows the page's
 * not-found answer.
 */
export async function logSessionAction(lang: string, token: string, form: FormData): Promise<void> {
  if (!isLanguage(lang)) redirect("/");
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const page = `/${lang}/program/${encodeURIComponent(token)}`;
  let outcome = "logged";
  try {
    await logProgramSession(token, { clientKey: field("clientKey") ?? "", pain: field("pain") ?? "", note: field("note") }, await staffContext());
  } catch (error) {
    if (!(error instanceof AppError) || !["NOT_FOUND", "BAD_REQUEST", "RATE_LIMITED"].includes(error.code)) throw error;
    outcome = error.code === "NOT_FOUND" ? "" : error.code === "RATE_LIMITED" ? "enough" : "problem";
  }
  redirect(outcome ? `${page}?${outcome}=1#log` : page);
}
