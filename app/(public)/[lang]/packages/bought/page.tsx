import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLanguage } from "@/lib/i18n/languages";

export async function generateMetadata({ params }: PageProps<"/[lang]/packages/bought">): Promise<Metadata> {
  const { lang } = await params;
  if (!isLanguage(lang)) return {};
  const t = await getTranslations({ locale: lang, namespace: "packages" });
  return { title: t("bought.title"), robots: { index: false, follow: false } };
}

/** Where Stripe's checkout sends a patient who paid for a package: the link to use it comes by email. */
export default async function PackageBoughtPage({ params }: PageProps<"/[lang]/packages/bought">) {
  const { lang } = await params;
  if (!isLanguage(lang)) notFound();
  const t = await getTranslations({ locale: lang, namespace: "packages" });
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("bought.heading")}</h1>
      <p className="text-slate-700">{t("bought.body")}</p>
      <p>
        <Link href={`/${lang}/book`} className="font-semibold text-brand-800 underline underline-offset-2">
          {t("bought.book")}
        </Link>
      </p>
    </div>
  );
}
