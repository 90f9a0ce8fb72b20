import { translator } from "../i18n/catalog";
import type { Language } from "../i18n/languages";
import { visitTermsWords, type VisitTermsInput } from "./visit-terms-words";

/** Price, how to pay and the cancellation cut-off in words, for code outside React (the messages' composers). */
export function visitTermsText(language: Language, input: VisitTermsInput): { price: string; payment: string; changes: string } {
  return visitTermsWords(translator(language, "terms"), language, input);
}
