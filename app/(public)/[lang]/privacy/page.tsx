import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PolicyText } from "@/components/site/policy-text";
import { getTranslations } from "next-intl/server";
import { isLanguage } from "@/lib/i18n/languages";
import { findPracticeDetails } from "@/lib/practice/data";

export async function generateMetadata({ params }: PageProps<"/[lang]/privacy">): Promise<Metadata> {
  const { lang } = await params;
  return isLanguage(lang) ? { title: (await getTranslations({ locale: lang, namespace: "policies" }))("privacy.title") } : {};
}

export default async function PrivacyPage({ params }: PageProps<"/[lang]/privacy">) {
  const { lang } = await params;
  if (!isLanguage(lang)) notFound();
  const [t, practice] = await Promise.all([getTranslations({ locale: lang, namespace: "policies.privacy" }), findPracticeDetails()]);
  return <PolicyText language={lang} title={t("title")} texts={practice.privacyPolicy} missing={t("missing")} />;
}
