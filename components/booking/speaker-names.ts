import type { TherapistDto } from "@/lib/booking/api-types";
import { localeFor, type Language } from "@/lib/i18n/languages";
import { therapistFullName } from "./therapist-name";

/** A language code's name in the page's language: "Spanish", "español". */
export function languageName(code: string, language: Language): string {
  return new Intl.DisplayNames(localeFor(language), { type: "language" }).of(code) ?? code;
}

/** "Dana Reyes and Luis Ortega" in the page's language. */
export function nameList(therapists: Pick<TherapistDto, "firstName" | "lastName">[], language: Language): string {
  return new Intl.ListFormat(localeFor(language), { type: "conjunction" }).format(therapists.map(therapistFullName));
}
