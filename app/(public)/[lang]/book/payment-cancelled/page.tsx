import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLanguage } from "@/lib/i18n/languages";
import { PaymentCancelledStatus } from "./payment-cancelled-status";

export async function generateMetadata({ params }: PageProps<"/[lang]/book/payment-cancelled">): Promise<Metadata> {
  const { lang } = await params;
  if (!isLanguage(lang)) return {};
  const t = await getTranslations({ locale: lang, namespace: "payment" });
  return { title: t("cancelled.title"), robots: { index: false, follow: false } };
}

/** Where Stripe's checkout sends a patient who went back without paying: the held time is let go. */
export default async function PaymentCancelledPage({ params }: PageProps<"/[lang]/book/payment-cancelled">) {
  const { lang } = await params;
  if (!isLanguage(lang)) notFound();
  const t = await getTranslations({ locale: lang, namespace: "payment" });
  return (
    <PaymentCancelledStatus
      language={lang}
      words={{ title: t("cancelled.title"), body: t("cancelled.body"), releasing: t("cancelled.releasing"), chooseTime: t("cancelled.chooseTime") }}
    />
  );
}
