import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { catalogQueryKeys } from "@/components/booking/catalog-keys";
import { BookingNotOpen } from "@/components/site/booking-not-open";
import { readBookingCatalog } from "@/lib/booking-catalog/data";
import { bookingClientMessages } from "@/lib/i18n/catalog";
import { isLanguage } from "@/lib/i18n/languages";
import { findPracticeDetails } from "@/lib/practice/data";
import { isBookingOpen } from "@/lib/setup/data";
import { BookingWizard } from "./booking-wizard";

export async function generateMetadata({ params }: PageProps<"/[lang]/book">): Promise<Metadata> {
  const { lang } = await params;
  if (!isLanguage(lang)) return {};
  const t = await getTranslations({ locale: lang, namespace: "book" });
  return { title: t("title") };
}

export default async function BookPage({ params }: PageProps<"/[lang]/book">) {
  const { lang } = await params;
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
  // The catalog comes with the HTML, under the keys the wizard's queries use,
  // so the first step is rendered here and answers taps as soon as it is
  // hydrated; only the open times are fetched by the browser.
  const catalog = await readBookingCatalog();
  const queryClient = new QueryClient();
  for (const [name, key] of Object.entries(catalogQueryKeys) as [keyof typeof catalogQueryKeys, readonly string[]][]) {
    queryClient.setQueryData(key, catalog[name]);
  }
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <NextIntlClientProvider locale={lang} messages={bookingClientMessages(lang)}>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <BookingWizard language={lang} />
        </HydrationBoundary>
      </NextIntlClientProvider>
    </div>
  );
}
