import { z } from "zod";

/** The languages patients book, read and are written to in. */
export const languageSchema = z.enum(["en", "es"], { error: "Choose en or es." });

export type Language = (typeof languageSchema.options)[number];

export const languages: readonly Language[] = languageSchema.options;

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
