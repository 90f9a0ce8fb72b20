import type { VisitModeDto } from "@/lib/booking/api-types";
import { formatPrice } from "@/lib/i18n/format-price";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import type { Language } from "@/lib/i18n/languages";

export interface VisitTermsInput {
  priceCents: number;
  currency: string;
  mode: VisitModeDto;
  cancelCutoffMinutes: number;
}

/** Price, how to pay and the cancellation cut-off in words, as one sentence each. */
export function visitTermsText(language: Language, input: VisitTermsInput): { price: string; payment: string; changes: string } {
  const t = getDictionary(language).terms;
  const free = input.priceCents === 0;
  return {
    price: free ? t.free : formatPrice(input.priceCents, input.currency, language),
    // Online payment does not exist: the patient pays where the visit happens.
    payment: free ? t.nothingToPay : t.pay[input.mode],
    changes: input.cancelCutoffMinutes > 0 ? t.cutoff(t.duration(input.cancelCutoffMinutes)) : t.cutoffAtStart,
  };
}

interface VisitTermsProps {
  language: Language;
  terms: VisitTermsInput;
  /** Rows only, for a description list the caller already has. */
  rowClassName?: { term: string; detail: string };
}

/** The rows that say what the patient agrees to, for a caller's description list. */
export function VisitTermsRows({ language, terms, rowClassName }: VisitTermsProps) {
  const t = getDictionary(language).terms;
  const text = visitTermsText(language, terms);
  const term = rowClassName?.term ?? "text-slate-700";
  const detail = rowClassName?.detail ?? "font-medium text-slate-900";
  return (
    <>
      <dt className={term}>{t.price}</dt>
      <dd className={detail}>{text.price}</dd>
      <dt className={term}>{t.payment}</dt>
      <dd className={detail}>{text.payment}</dd>
      <dt className={term}>{t.changes}</dt>
      <dd className={detail}>{text.changes}</dd>
    </>
  );
}

/** A short box on the time step: what this visit costs, how it is paid and until when it can be changed. */
export function VisitTerms({ language, terms }: VisitTermsProps) {
  const t = getDictionary(language).terms;
  return (
    <section aria-labelledby="visit-terms" className="rounded-xl border border-slate-200 bg-white p-4">
      <h3 id="visit-terms" className="font-semibold text-slate-900">
        {t.heading}
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <VisitTermsRows language={language} terms={terms} />
      </dl>
    </section>
  );
}
