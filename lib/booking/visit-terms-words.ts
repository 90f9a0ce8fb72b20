import { formatPrice } from "../i18n/format-price";
import type { Language } from "../i18n/languages";
import type { VisitModeDto } from "./api-types";

export interface VisitTermsInput {
  priceCents: number;
  currency: string;
  mode: VisitModeDto;
  cancelCutoffMinutes: number;
}

type TermsKey = "free" | "nothingToPay" | `pay.${VisitModeDto}` | "cutoff" | "cutoffAtStart" | "duration";

/**
 * The "terms" namespace's translator: a page's useTranslations("terms") or,
 * outside React, translator(language, "terms"). Taking it as an argument keeps
 * the whole catalogue out of the browser's code.
 */
export type TermsTranslator = (key: TermsKey, values?: Record<string, string | number>) => string;

/** Price, how to pay and the cancellation cut-off in words, one sentence each, as the booking and manage pages show them. */
export function visitTermsWords(t: TermsTranslator, language: Language, input: VisitTermsInput): { price: string; payment: string; changes: string } {
  const free = input.priceCents === 0;
  const cutoff = input.cancelCutoffMinutes;
  return {
    price: free ? t("free") : formatPrice(input.priceCents, input.currency, language),
    // Online payment does not exist: the patient pays where the visit happens.
    payment: free ? t("nothingToPay") : t(`pay.${input.mode}`),
    changes:
      cutoff > 0
        ? t("cutoff", { before: t("duration", { hours: Math.floor(cutoff / 60), minutes: cutoff % 60 }) })
        : t("cutoffAtStart"),
  };
}
