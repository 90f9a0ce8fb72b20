import { getTranslations } from "next-intl/server";
import type { StaffMember } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { formatLongDate } from "@/lib/i18n/format-date-time";
import { findVisitProgress } from "@/lib/progress/data";
import type { IntakeQuestion } from "@/lib/progress/intake-forms";
import { ProgressScoreForm } from "./progress-score-form";

/**
 * The visit's progress: the patient's intake answers (read in English, the
 * staff's language, whatever language they were given in), the last pain and
 * function score with the next check's due date (two weeks after it), and
 * the form to record a new one. An audited read (progress.view).
 */
export async function VisitProgress({ staff, appointmentId, timeZone }: { staff: StaffMember; appointmentId: string; timeZone: string }) {
  const progress = await findVisitProgress(staff, appointmentId, await staffContext());
  const [t, q] = await Promise.all([getTranslations("staffProgress"), getTranslations({ locale: "en", namespace: "intake" })]);
  const day = (d: Date) => formatLongDate(d.toISOString(), timeZone, "en");
  const answerText = (question: IntakeQuestion, answers: Record<string, string | number | null>): string => {
    const value = answers[question.name];
    if (value === null || value === undefined || value === "") return t("intake.noAnswer");
    if (question.kind === "choice") return q(`o.${question.name}.${value}` as "o.where.inner");
    if (question.kind === "scale") return question.name === "function" ? `${value}%` : `${value}/10`;
    if (question.kind === "number" && question.unit) return `${value} ${answers[question.unit.name] ?? ""}`.trim();
    return String(value);
  };
  const intake = progress.intake;
  return (
    <>
      <section aria-labelledby="intake-heading" className="mt-10 max-w-4xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="intake-heading" className="text-lg font-semibold">
          {t("intake.heading")}
        </h2>
        {intake ? (
          <>
            <p className="mt-1 text-sm text-slate-700">{t("intake.submitted", { date: day(intake.submittedAt), language: intake.language })}</p>
            <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]" data-testid="intake-answers">
              {intake.form.questions.map((question) => (
                <div key={question.name} className="contents">
                  <dt className="font-medium">{q(`q.${question.name}` as "q.pain")}</dt>
                  <dd className="whitespace-pre-line">{answerText(question, intake.answers)}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : (
          <p className="mt-2">{t("intake.none")}</p>
        )}
      </section>
      <section aria-labelledby="score-heading" className="mt-10 max-w-4xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="score-heading" className="text-lg font-semibold">
          {t("score.heading")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("score.intro")}</p>
        <p className="mt-2">
          {progress.last ? t("score.last", { date: day(progress.last.recordedAt), pain: progress.last.pain, function: progress.last.function }) : t("score.none")}{" "}
          {progress.nextCheckDue ? <strong>{t("score.nextDue", { date: day(progress.nextCheckDue) })}</strong> : null}
        </p>
        <ProgressScoreForm appointmentId={appointmentId} />
      </section>
    </>
  );
}
