import Link from "next/link";
import { lang } from "next/root-params";
import { getTranslations } from "next-intl/server";
import { isLanguage } from "@/lib/i18n/languages";

export default async function NotFound() {
  const value = await lang();
  const language = value && isLanguage(value) ? value : "en";
  const t = await getTranslations({ locale: language, namespace: "notFound" });
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">{t("title")}</h1>
      <p className="text-slate-700">{t("body")}</p>
      <p>
        <Link href={`/${language}`} className="font-semibold text-brand-800 underline underline-offset-4">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
