import { localeFor, type Language } from "./languages";

/** The amount in the currency's usual form, e.g. "$120.00"; the caller says "Free" for zero. */
export function formatPrice(priceCents: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(localeFor(language), { style: "currency", currency }).format(priceCents / 100);
}
