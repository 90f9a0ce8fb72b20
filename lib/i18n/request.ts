import { getRequestConfig } from "next-intl/server";
import { catalogs } from "./catalog";
import { isLanguage, type Language } from "./languages";

// next-intl's configuration for each request. Patient pages name their language
// (their [lang] segment) when they ask for a translator; staff pages ship in
// English. Dates and times are formatted by lib/i18n/format-date-time.ts in each
// location's zone, never by next-intl, so its zone is only a fixed default.
export default getRequestConfig(async ({ locale, requestLocale }) => {
  const asked = locale ?? (await requestLocale);
  const language: Language = asked && isLanguage(asked) ? asked : "en";
  return { locale: language, messages: catalogs[language], timeZone: "UTC" };
});
