import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import { telHref } from "./tel-href";

/** Shown in place of booking until some therapist with hours offers a service. */
export async function BookingNotOpen({ language, phone }: { language: Language; phone: string | null }) {
  const t = await getTranslations({ locale: language, namespace: "notOpen" });
  return (
    <section aria-labelledby="booking-not-open" className="rounded-2xl border border-amber-300 bg-amber-50 p-5 sm:p-6">
      <h2 id="booking-not-open" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-2 text-slate-800">{t("body")}</p>
      {phone ? (
        <p className="mt-2 text-slate-800">
          {t("callUs")}{" "}
          <a href={telHref(phone)} className="font-semibold text-brand-800 underline underline-offset-2">
            {phone}
          </a>
        </p>
      ) : null}
    </section>
  );
}
