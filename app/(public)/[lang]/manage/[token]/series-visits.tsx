import { getTranslations } from "next-intl/server";
import { seriesOfBooking } from "@/lib/care-plans/data";
import { AppError } from "@/lib/errors/app-error";
import { staffContext } from "@/lib/http/staff-context";
import { formatLongDate, formatTime } from "@/lib/i18n/format-date-time";
import type { Language } from "@/lib/i18n/languages";

/**
 * The other visits of this visit's plan of care, each in its location's
 * zone. A link that opens nothing shows nothing here: the page above says why.
 */
export async function SeriesVisits({ language, token }: { language: Language; token: string }) {
  const visits = await seriesOfBooking(token, await staffContext()).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") return [];
    throw error;
  });
  if (visits.length === 0) return null;
  const t = await getTranslations({ locale: language, namespace: "series" });
  return (
    <section aria-labelledby="series-heading" className="mt-8 space-y-2 rounded-xl border border-slate-300 bg-white p-4 text-slate-900">
      <h2 id="series-heading" className="text-lg font-bold">
        {t("heading")}
      </h2>
      <p className="text-slate-700">{t("intro")}</p>
      <ul className="list-disc space-y-1 pl-5">
        {visits.map((v) => {
          const when = `${formatLongDate(v.start, v.timeZone, language)}, ${formatTime(v.start, v.timeZone, language)}`;
          return <li key={v.start}>{t(v.status === "COMPLETED" ? "done" : "visit", { when, therapist: v.therapistFirstName })}</li>;
        })}
      </ul>
    </section>
  );
}
