import { formatPrice } from "../i18n/format-price";
import { getDictionary } from "../i18n/get-dictionary";
import type { Language } from "../i18n/languages";
import type { VisitModeDto } from "./api-types";

export interface VisitTermsInput {
  priceCents: number;
  currency: string;
  mode: VisitModeDto;
  cancelCutoffMinutes: number;
}

/** Price, how to pay and the cancellation cut-off in words, one sentence each, as the booking and manage pages show them. */
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
