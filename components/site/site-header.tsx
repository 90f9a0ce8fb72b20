import Link from "next/link";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import type { Language } from "@/lib/i18n/languages";
import { LanguageSwitch } from "./language-switch";

export function SiteHeader({ language }: { language: Language }) {
  const t = getDictionary(language).layout;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3">
        <Link href={`/${language}`} className="flex items-center gap-2 rounded-md py-1 font-bold text-brand-900">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-brand-700 text-white">
            {t.siteName.charAt(0)}
          </span>
          <span>{t.siteName}</span>
        </Link>
        <LanguageSwitch language={language} />
      </div>
    </header>
  );
}
