import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import { findPracticeDetails } from "@/lib/practice/data";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader({ language }: { language: Language }) {
  const [practice, t] = await Promise.all([findPracticeDetails(), getTranslations({ locale: language, namespace: "layout" })]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3">
        <Link href={`/${language}`} className="flex items-center gap-2 rounded-md py-1 font-bold text-brand-900">
          {practice.logoUrl ? (
            // The logo's text is the practice's name, so the link reads as the name once; the
            // name beside it is for the eye only.
            <>
              {/* eslint-disable-next-line @next/next/no-img-element -- a small stored picture served by Stride itself */}
              <img src={practice.logoUrl} alt={practice.name} className="h-10 w-auto max-w-40 object-contain" />
              <span aria-hidden="true">{practice.name}</span>
            </>
          ) : (
            <>
              <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-brand-700 text-white">
                {practice.name.charAt(0)}
              </span>
              <span>{practice.name}</span>
            </>
          )}
        </Link>
        <LanguageSwitch language={language} label={t("switchLanguage")} />
      </div>
    </header>
  );
}
