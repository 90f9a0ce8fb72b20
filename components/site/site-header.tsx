import Link from "next/link";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import type { Language } from "@/lib/i18n/languages";
import { findPractice } from "@/lib/setup/data";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader({ language }: { language: Language }) {
  const t = getDictionary(language).layout;
  // The demo clinic has no practice record and keeps its own name.
  const siteName = (await findPractice())?.name ?? t.siteName;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3">
        <Link href={`/${language}`} className="flex items-center gap-2 rounded-md py-1 font-bold text-brand-900">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-brand-700 text-white">
            {siteName.charAt(0)}
          </span>
          <span>{siteName}</span>
        </Link>
        <LanguageSwitch language={language} />
      </div>
    </header>
  );
}
