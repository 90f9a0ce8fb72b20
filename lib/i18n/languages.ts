// No zod here: every patient page imports this module in the browser, and the
// schema (lib/i18n/language-schema.ts) would bring all of zod with it.

/** The languages patients book, read and are written to in. */
export const languages = ["en", "es"] as const;

export type Language = (typeof languages)[number];

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/** Regional locales for dates, times and money: the demo clinic is in the United States. */
const locales: Record<Language, string> = { en: "en-US", es: "es-US" };

export function localeFor(language: Language): string {
  return locales[language];
}

/** Each language's name in itself, for the language switch and the language choice. */
export const languageNames: Record<Language, string> = { en: "English", es: "Español" };
