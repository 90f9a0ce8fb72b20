import { dehydrate, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { catalogQueryKeys } from "@/components/booking/catalog-keys";
import { BookingNotOpen } from "@/components/site/booking-not-open";
import { readBookingCatalog } from "@/lib/booking-catalog/data";
import { bookingClientMessages } from "@/lib/i18n/catalog";
import { isLanguage } from "@/lib/i18n/languages";
import { findPracticeDetails } from "@/lib/practice/data";
import { PACKAGE_CODE_PATTERN } from "@/lib/packages/schema";
import { isBookingOpen } from "@/lib/setup/data";
import { OTHER_REASON } from "./booking-draft";
import { BookingFlow } from "./booking-flow";
import type { ReasonChoice } from "./reason-form";
import { TOTAL_STEPS } from "./step-names";

export async function generateMetadata({ params }: PageProps<"/[lang]/book">): Promise<Metadata> {
  const { lang } = await params;
  if (!isLanguage(lang)) return {};
  const t = await getTranslations({ locale: lang, namespace: "book" });
  return { title: t("title") };
}

export default async function BookPage({ params, searchParams }: PageProps<"/[lang]/book">) {
  const [{ lang }, query] = await Promise.all([params, searchParams]);
  if (!isLanguage(lang)) notFound();
  const t = await getTranslations({ locale: lang, namespace: "book" });
  const [practice, open] = await Promise.all([findPracticeDetails(), isBookingOpen()]);
  if (!open) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("title")}</h1>
        <BookingNotOpen language={lang} phone={practice.phone} />
      </div>
    );
  }
  // The catalog comes with the HTML: the first question is rendered here as a
  // plain form, and the later steps' queries start from it, under the keys
  // they use; only the open times are fetched by the browser.
  const catalog = await readBookingCatalog();
  const queryClient = new QueryClient();
  for (const [name, key] of Object.entries(catalogQueryKeys) as [keyof typeof catalogQueryKeys, readonly string[]][]) {
    queryClient.setQueryData(key, catalog[name]);
  }
  const reasons = catalog.reasons.map((reason) => ({ slug: reason.slug, label: reason.label[lang] }));
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <BookingFlow
        language={lang}
        reasons={reasons}
        words={{
          stepOf: t("stepOf", { step: 1, total: TOTAL_STEPS }),
          title: t("reason.title"),
          legend: t("reason.legend"),
          other: t("reason.other"),
          otherLabel: t("reason.otherLabel"),
          chooseError: t("reason.chooseError"),
          otherError: t("reason.otherError"),
          continue: t("continue"),
          loading: t("loading"),
        }}
        submittedReason={submittedReason(query, reasons)}
        wizard={{ messages: bookingClientMessages(lang), catalog: dehydrate(queryClient), ...packageCodeOf(query) }}
      />
    </div>
  );
}

/** The package code of a patient's package link (?package=…), when it has the shape of one; the server judges it. */
function packageCodeOf(query: Record<string, string | string[] | undefined>): { packageCode?: string } {
  const code = query.package;
  return typeof code === "string" && PACKAGE_CODE_PATTERN.test(code) ? { packageCode: code } : {};
}

/**
 * The first question's answer when the patient submitted it before the page's
 * script had loaded (the form then sends it in the address, e.g.
 * ?step=kind&reason=runners-knee). An unknown reason counts as none.
 */
function submittedReason(query: Record<string, string | string[] | undefined>, reasons: { slug: string }[]): ReasonChoice | null {
  const choice = typeof query.reason === "string" ? query.reason : undefined;
  if (!choice || (choice !== OTHER_REASON && !reasons.some((reason) => reason.slug === choice))) return null;
  const other = typeof query.other === "string" ? query.other.slice(0, 500) : "";
  return { choice, other: choice === OTHER_REASON ? other : "" };
}
