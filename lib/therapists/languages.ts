// The languages a therapist can be listed as treating in, as ISO 639-1 codes
// with the names staff pick from. A fixed list rather than free text, so
// "Spanish", "spanish" and "es" never become three languages to match on.

export const THERAPIST_LANGUAGES = {
  en: "English",
  es: "Spanish",
  ar: "Arabic",
  zh: "Chinese",
  fr: "French",
  de: "German",
  ht: "Haitian Creole",
  hi: "Hindi",
  it: "Italian",
  ja: "Japanese",
  ko: "Korean",
  pl: "Polish",
  pt: "Portuguese",
  ru: "Russian",
  tl: "Tagalog",
  uk: "Ukrainian",
  vi: "Vietnamese",
} as const satisfies Record<string, string>;

export type TherapistLanguage = keyof typeof THERAPIST_LANGUAGES;

export const THERAPIST_LANGUAGE_CODES = Object.keys(THERAPIST_LANGUAGES) as [TherapistLanguage, ...TherapistLanguage[]];

