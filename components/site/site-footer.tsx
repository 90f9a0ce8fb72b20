import { getDictionary } from "@/lib/i18n/get-dictionary";
import type { Language } from "@/lib/i18n/languages";
import { findPractice } from "@/lib/setup/data";

export async function SiteFooter({ language }: { language: Language }) {
  const t = getDictionary(language).layout;
  const practice = await findPractice();
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-3xl space-y-1 px-4 py-6 text-sm text-slate-600">
        <p>{t.footerEmergency}</p>
        <p>{practice ? t.footerStride : t.footerDemo}</p>
      </div>
    </footer>
  );
}
