import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/catalog";
import { isLanguage } from "@/lib/i18n/languages";
import { FindBookingForm } from "./find-booking-form";

export async function generateMetadata({ params }: PageProps<"/[lang]/manage">): Promise<Metadata> {
  const { lang } = await params;
  return isLanguage(lang) ? { title: (await getTranslations({ locale: lang, namespace: "lookup" }))("title") } : {};
}

export default async function FindBookingPage({ params }: PageProps<"/[lang]/manage">) {
  const { lang } = await params;
  if (!isLanguage(lang)) notFound();
  const t = await getTranslations({ locale: lang, namespace: "lookup" });
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("title")}</h1>
        <p className="text-lg text-slate-700">{t("intro")}</p>
      </div>
      <NextIntlClientProvider locale={lang} messages={clientMessages(lang, ["lookup"])}>
        <FindBookingForm language={lang} />
      </NextIntlClientProvider>
    </div>
  );
}
