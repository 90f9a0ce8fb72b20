import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLanguage } from "@/lib/i18n/languages";
import { findPracticeDetails } from "@/lib/practice/data";
import { PaidStatus } from "./paid-status";

export async function generateMetadata({ params }: PageProps<"/[lang]/book/paid">): Promise<Metadata> {
  const { lang } = await params;
  if (!isLanguage(lang)) return {};
  const t = await getTranslations({ locale: lang, namespace: "payment" });
  return { title: t("paid.title"), robots: { index: false, follow: false } };
}

/** Where Stripe's checkout sends the patient after paying: the booking is confirmed when the payment's webhook has booked it. */
export default async function PaidPage({ params }: PageProps<"/[lang]/book/paid">) {
  const { lang } = await params;
  if (!isLanguage(lang)) notFound();
  const t = await getTranslations({ locale: lang, namespace: "payment" });
  const { phone } = await findPracticeDetails();
  return (
    <PaidStatus
      language={lang}
      words={{
        title: t("paid.title"),
        confirming: t("paid.confirming"),
        slow: t("paid.slow"),
        noToken: t("paid.noToken"),
        call: phone ? t("paid.call", { phone }) : null,
      }}
      phone={phone}
    />
  );
}
