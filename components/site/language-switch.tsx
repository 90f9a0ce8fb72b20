"use client";

import { usePathname } from "next/navigation";
import { languageNames, type Language } from "@/lib/i18n/languages";

/** Links to the same page in the other language; the language lives in the first path segment. */
export function LanguageSwitch({ language, label }: { language: Language; label: string }) {
  const pathname = usePathname();
  const target: Language = language === "en" ? "es" : "en";
  const rest = pathname.split("/").slice(2).join("/");
  const href = rest ? `/${target}/${rest}` : `/${target}`;
  return (
    <a
      href={href}
      lang={target}
      hrefLang={target}
      aria-label={label}
      className="rounded-md px-3 py-2 text-sm font-semibold text-brand-800 underline-offset-4 hover:bg-brand-50 hover:underline"
    >
      {languageNames[target]}
    </a>
  );
}
