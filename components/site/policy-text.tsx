import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";

interface PolicyTextProps {
  language: Language;
  title: string;
  /** The policy in each language, as the practice wrote it. */
  texts: Record<Language, string | null>;
  missing: string;
}

/**
 * A practice's policy page: its text in the patient's language, else in the
 * other language marked as such (better than nothing to a patient about to
 * agree to it), else a note that it is not published. Plain text only:
 * paragraphs by blank lines, line breaks kept, nothing read as markup.
 */
export async function PolicyText({ language, title, texts, missing }: PolicyTextProps) {
  const t = await getTranslations({ locale: language, namespace: "policies" });
  const other: Language = language === "en" ? "es" : "en";
  const shownIn = texts[language] ? language : texts[other] ? other : null;
  const text = shownIn ? texts[shownIn]! : null;
  return (
    <article className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{title}</h1>
      {text === null ? (
        <p className="text-slate-700">{missing}</p>
      ) : (
        <>
          {shownIn !== language ? <p className="text-sm text-slate-600">{t("otherLanguage")}</p> : null}
          <div lang={shownIn !== language ? shownIn! : undefined} className="space-y-3 text-slate-800">
            {text.split(/\n\s*\n/).map((paragraph, i) => (
              <p key={i} className="whitespace-pre-line">
                {paragraph}
              </p>
            ))}
          </div>
        </>
      )}
    </article>
  );
}
