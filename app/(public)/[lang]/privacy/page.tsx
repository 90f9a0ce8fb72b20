import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PolicyText } from "@/components/site/policy-text";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { isLanguage } from "@/lib/i18n/languages";
import { findPracticeDetails } from "@/lib/practice/data";

export async function generateMetadata({ params }: PageProps<"/[lang]/privacy">): Promise<Metadata> {
  const { lang } = await params;
  return isLanguage(lang) ? { title: getDictionary(lang).policies.privacy.title } : {};
}

export default async function PrivacyPage({ params }: PageProps<"/[lang]/privacy">) {
  const { lang } = await params;
  if (!isLanguage(lang)) notFound();
  const t = getDictionary(lang).policies.privacy;
  const practice = await findPracticeDetails();
  return <PolicyText language={lang} title={t.title} texts={practice.privacyPolicy} missing={t.missing} />;
}
