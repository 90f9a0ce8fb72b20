"use server";

import { redirect } from "next/navigation";
import { answerAttendance } from "@/lib/attendance/mutations";
import { attendanceAnswerSchema } from "@/lib/attendance/schema";
import { AppError } from "@/lib/errors/app-error";
import { staffContext } from "@/lib/http/staff-context";
import { isLanguage } from "@/lib/i18n/languages";

/**
 * The button on a reminder's answer page. A link alone never answers (mail
 * scanners open links); this POST does, then shows the page again, which
 * reads the answer from the visit. A link that is not valid, or a visit that
 * can no longer take an answer, lands on the same page, which says so.
 */
export async function answerAttendanceAction(lang: string, token: string, answer: string): Promise<void> {
  const parsed = attendanceAnswerSchema.safeParse(answer);
  if (!isLanguage(lang) || !parsed.success) redirect("/");
  try {
    await answerAttendance(token, parsed.data, await staffContext());
  } catch (error) {
    if (!(error instanceof AppError) || !["NOT_FOUND", "INVALID_TRANSITION"].includes(error.code)) throw error;
  }
  redirect(`/${lang}/attendance/${encodeURIComponent(token)}?answer=${parsed.data}`);
}
