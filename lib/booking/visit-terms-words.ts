import { formatPrice } from "../i18n/format-price";
import type { Language } from "../i18n/languages";
import type { PaymentTerms } from "../payments/payment-terms";
import type { VisitModeDto } from "./api-types";

export interface VisitTermsInput {
  priceCents: number;
  currency: string;
  mode: VisitModeDto;
  cancelCutoffMinutes: number;
  /** The service's payment terms; absent, the visit is paid where it happens and no fee is named. */
  payment?: PaymentTerms;
}

type TermsKey =
  | "free"
  | "nothingToPay"
  | `pay.${VisitModeDto}`
  | "payOnline.full"
  | "payOnline.deposit"
  | "payOnline.card"
  | "payOnline.package"
  | "lateFee"
  | "noShowFee"
  | "cutoff"
  | "cutoffAtStart"
  | "duration";

/**
 * The "terms" namespace's translator: a page's useTranslations("terms") or,
 * outside React, translator(language, "terms"). Taking it as an argument keeps
 * the whole catalogue out of the browser's code.
 */
export type TermsTranslator = (key: TermsKey, values?: Record<string, string | number>) => string;

export interface VisitTermsWords {
  price: string;
  payment: string;
  /** The late-cancellation and no-show fees, one sentence each; null when none apply. */
  fees: string | null;
  changes: string;
}

/** Price, how to pay, the fees and the cancellation cut-off in words, as the booking and manage pages and the messages show them. */
export function visitTermsWords(t: TermsTranslator, language: Language, input: VisitTermsInput): VisitTermsWords {
  const free = input.priceCents === 0;
  const cutoff = input.cancelCutoffMinutes;
  const money = (cents: number) => formatPrice(cents, input.currency, language);
  const duration = (minutes: number) => t("duration", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return {
    price: free ? t("free") : money(input.priceCents),
    payment: paymentWords(t, input, money, duration),
    fees: feeWords(t, input.payment?.fees ?? null, money, duration),
    changes: cutoff > 0 ? t("cutoff", { before: duration(cutoff) }) : t("cutoffAtStart"),
  };
}

function paymentWords(t: TermsTranslator, input: VisitTermsInput, money: (cents: number) => string, duration: (minutes: number) => string): string {
  const free = input.priceCents === 0;
  // Without terms, or with online payment off, the patient pays where the visit happens.
  const online = input.payment?.online ?? { kind: free ? "nothing" : "at-clinic" };
  switch (online.kind) {
    case "nothing":
      return t("nothingToPay");
    case "at-clinic":
      return t(`pay.${input.mode}`);
    case "full":
      return t("payOnline.full");
    case "deposit":
      // A deposit of the whole price leaves nothing for the visit: it is paid in full.
      return online.restCents === 0 ? t("payOnline.full") : t("payOnline.deposit", { amount: money(online.amountCents), mode: input.mode });
    case "card":
      return t("payOnline.card", { free: free ? "yes" : "no", mode: input.mode });
    case "package":
      return t("payOnline.package", { before: duration(online.lateCancelWindowMinutes) });
  }
}

function feeWords(
  t: TermsTranslator,
  fees: PaymentTerms["fees"],
  money: (cents: number) => string,
  duration: (minutes: number) => string,
): string | null {
  if (!fees) return null;
  const sentences = [
    fees.lateCancelFeeCents > 0 && fees.lateCancelWindowMinutes > 0 ? t("lateFee", { before: duration(fees.lateCancelWindowMinutes), fee: money(fees.lateCancelFeeCents) }) : null,
    fees.noShowFeeCents > 0 ? t("noShowFee", { fee: money(fees.noShowFeeCents) }) : null,
  ].filter((sentence) => sentence !== null);
  return sentences.length > 0 ? sentences.join(" ") : null;
}
