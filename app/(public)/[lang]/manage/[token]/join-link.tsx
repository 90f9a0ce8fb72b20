import { useTranslations } from "next-intl";
import type { Language } from "@/lib/i18n/languages";

/** The patient's way into a video visit: a plain link, so it works from any device and any assistive technology. */
export function JoinLink({ url }: { url: string; language: Language }) {
  const t = useTranslations("videoVisit.join");
  return (
    <section aria-labelledby="join-link" className="space-y-3 rounded-2xl border-2 border-brand-700 bg-brand-50 p-4 sm:p-6">
      <h2 id="join-link" className="text-xl font-bold text-slate-900">
        {t("heading")}
      </h2>
      <a
        href={url}
        aria-describedby="join-link-note"
        className="inline-flex min-h-12 items-center justify-center rounded-xl bg-brand-700 px-6 py-3 font-semibold text-white shadow-sm hover:bg-brand-800"
      >
        {t("link")}
      </a>
      <div id="join-link-note" className="space-y-1 text-slate-800">
        <p>{t("note")}</p>
        <p>{t("device")}</p>
      </div>
    </section>
  );
}
