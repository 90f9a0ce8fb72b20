import { useTranslations } from "next-intl";
import { visitTermsWords, type VisitTermsInput } from "@/lib/booking/visit-terms-words";
import type { Language } from "@/lib/i18n/languages";

interface VisitTermsProps {
  language: Language;
  terms: VisitTermsInput;
  /** Rows only, for a description list the caller already has. */
  rowClassName?: { term: string; detail: string };
}

/** The rows that say what the patient agrees to, for a caller's description list. */
export function VisitTermsRows({ language, terms, rowClassName }: VisitTermsProps) {
  const t = useTranslations("terms");
  const text = visitTermsWords(t, language, terms);
  const term = rowClassName?.term ?? "text-slate-700";
  const detail = rowClassName?.detail ?? "font-medium text-slate-900";
  return (
    <>
      <dt className={term}>{t("price")}</dt>
      <dd className={detail}>{text.price}</dd>
      <dt className={term}>{t("payment")}</dt>
      <dd className={detail}>{text.payment}</dd>
      {text.fees ? (
        <>
          <dt className={term}>{t("fees")}</dt>
          <dd className={detail}>{text.fees}</dd>
        </>
      ) : null}
      <dt className={term}>{t("changes")}</dt>
      <dd className={detail}>{text.changes}</dd>
    </>
  );
}

/** A short box on the time step: what this visit costs, how it is paid, what a late cancellation or a missed visit costs, and until when it can be changed. */
export function VisitTerms({ language, terms }: VisitTermsProps) {
  const t = useTranslations("terms");
  return (
    <section aria-labelledby="visit-terms" className="rounded-xl border border-slate-200 bg-white p-4">
      <h3 id="visit-terms" className="font-semibold text-slate-900">
        {t("heading")}
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <VisitTermsRows language={language} terms={terms} />
      </dl>
    </section>
  );
}
