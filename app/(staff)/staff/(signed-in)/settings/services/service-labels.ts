import { formatPrice } from "@/lib/i18n/format-price";
import type { VisitMode } from "@/lib/scheduling/types";

/** The price in dollars and cents ("$85.00"), or null for a service that costs nothing (the services.free message). */
export function priceLabel(priceCents: number, currency: string): string | null {
  return priceCents === 0 ? null : formatPrice(priceCents, currency, "en");
}

/** The values of the services.duration message: "45 min", "2 h", "1 h 30 min". */
export function durationParts(minutes: number): { kind: "minutes" | "hours" | "both"; hours: number; minutes: number } {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return { kind: hours === 0 ? "minutes" : rest === 0 ? "hours" : "both", hours, minutes: rest };
}

/** The values of the services.modes message, "in-clinic, home or video visits", from each mode's services.modeWord. */
export function modeListParts(modes: readonly VisitMode[], word: (mode: VisitMode) => string): { count: number; rest: string; last: string } {
  const words = modes.map(word);
  return { count: words.length, rest: words.slice(0, -1).join(", "), last: words.at(-1) ?? "" };
}

/** A deposit as the services table shows it: "$27.50" or "25%"; empty for a rule without one. */
export function depositLabel(service: { currency: string; depositCents: number | null; depositPercent: number | null }): string {
  if (service.depositPercent !== null) return `${service.depositPercent}%`;
  return service.depositCents === null ? "" : formatPrice(service.depositCents, service.currency, "en");
}
