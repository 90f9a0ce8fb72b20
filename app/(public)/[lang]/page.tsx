import Link from "next/link";
import { notFound } from "next/navigation";
import { BookingNotOpen } from "@/components/site/booking-not-open";
import { getTranslations } from "next-intl/server";
import { isLanguage } from "@/lib/i18n/languages";
import { findPracticeDetails } from "@/lib/practice/data";
import { isBookingOpen } from "@/lib/setup/data";

export default async function WelcomePage({ params }: PageProps<"/[lang]">) {
  const { lang } = await params;
  if (!isLanguage(lang)) notFound();
  const [t, lookup, practice, open] = await Promise.all([
    getTranslations({ locale: lang, namespace: "home" }),
    getTranslations({ locale: lang, namespace: "lookup" }),
    findPracticeDetails(),
    isBookingOpen(),
  ]);
  // The demo clinic's words belong to the demo; any other practice's home
  // page says its own name.
  if (!practice.isDemo) {
    return (
      <div className="space-y-8">
        <h1 className="text-3xl font-bold tracking-tight text-balance text-brand-900 sm:text-4xl">{practice.name}</h1>
        {open ? <BookLink lang={lang} label={t("bookCta")} note={t("bookNote")} /> : <BookingNotOpen language={lang} phone={practice.phone} />}
        <FindBookingLink lang={lang} label={lookup("homeHint")} />
      </div>
    );
  }
  return (
    <div className="space-y-8">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight text-balance text-brand-900 sm:text-4xl">{t("title")}</h1>
        <p className="text-lg text-slate-700">{t("intro")}</p>
      </section>

      <section aria-labelledby="how-we-help" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="how-we-help" className="text-lg font-semibold text-slate-900">
          {t("pointsHeading")}
        </h2>
        <ul className="mt-3 space-y-3">
          {(["screening", "therapy", "video"] as const).map((key) => t(`points.${key}`)).map((point) => (
            <li key={point} className="flex gap-3 text-slate-700">
              <span aria-hidden="true" className="mt-2 size-2 shrink-0 rounded-full bg-brand-600" />
              <span>{point}</span>
            </li>
          ))}
        </ul>
      </section>

      {open ? <BookLink lang={lang} label={t("bookCta")} note={t("bookNote")} /> : <BookingNotOpen language={lang} phone={practice.phone} />}
      <FindBookingLink lang={lang} label={lookup("homeHint")} />
    </div>
  );
}

function BookLink({ lang, label, note }: { lang: string; label: string; note: string }) {
  return (
    <div className="space-y-3">
      <Link
        href={`/${lang}/book`}
        className="inline-flex w-full items-center justify-center rounded-xl bg-brand-700 px-6 py-4 text-lg font-semibold text-white shadow-sm hover:bg-brand-800 sm:w-auto"
      >
        {label}
      </Link>
      <p className="text-sm text-slate-600">{note}</p>
    </div>
  );
}

/** Someone who booked and lost the message's link gets it again by email. */
function FindBookingLink({ lang, label }: { lang: string; label: string }) {
  return (
    <p>
      <Link href={`/${lang}/manage`} className="font-semibold text-brand-800 underline underline-offset-2">
        {label}
      </Link>
    </p>
  );
}
