import { getTranslations } from "next-intl/server";
import type { StaffMember } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { listPatientScores } from "@/lib/progress/data";
import { ProgressLineChart } from "./progress-line-chart";

/**
 * The patient's pain and function over time: a line chart for the eye and
 * the same numbers as a table (with a caption) for screen readers and for
 * anyone who does not tell the lines apart. An audited read (progress.view),
 * and not shown to the front desk: the scores are clinical.
 */
export async function ProgressSection({ staff, patientId }: { staff: StaffMember; patientId: string }) {
  const t = await getTranslations("staffProgress.chart");
  const scores = await listPatientScores(staff, patientId, await staffContext());
  if (!scores) return null;
  return (
    <section aria-labelledby="progress-heading" className="mt-8">
      <h2 id="progress-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      {scores.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("none")}</p>
      ) : (
        <>
          <ProgressLineChart points={scores.map((s) => ({ date: s.day, pain: s.pain, function: s.function }))} painLabel={t("legendPain")} functionLabel={t("legendFunction")} />
          <table className="mt-3 w-full max-w-3xl border-collapse text-left text-sm" data-testid="progress-table">
            <caption className="py-1 text-left text-sm text-slate-700">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("date")}</th>
                <th scope="col" className="py-2 pr-3">{t("pain")}</th>
                <th scope="col" className="py-2 pr-3">{t("function")}</th>
                <th scope="col" className="py-2">{t("source")}</th>
              </tr>
            </thead>
            <tbody>
              {scores.map((s) => (
                <tr key={s.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-3 font-normal">{s.day}</th>
                  <td className="py-2 pr-3 tabular-nums">{s.pain}</td>
                  <td className="py-2 pr-3 tabular-nums">{s.function}</td>
                  <td className="py-2">{t(s.source)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
