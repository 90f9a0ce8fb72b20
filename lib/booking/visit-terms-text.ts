import { translator } from "../i18n/catalog";
import type { Language } from "../i18n/languages";
import { visitTermsWords, type VisitTermsInput, type VisitTermsWords } from "./visit-terms-words";

/** Price, how to pay, the fees and the cancellation cut-off in words, for code outside React (the messages' composers). */
export function visitTermsText(language: Language, input: VisitTermsInput): VisitTermsWords {
  return visitTermsWords(translator(language, "terms"), language, input);
}
