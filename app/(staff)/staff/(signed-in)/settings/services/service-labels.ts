import { formatPrice } from "@/lib/i18n/format-price";

/** "$85.00", or "Free" for a service that costs nothing. */
export function priceLabel(priceCents: number, currency: string): string {
  return priceCents === 0 ? "Free" : formatPrice(priceCents, currency, "en");
}

/** "45 min", "1 h 30 min". */
export function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
