/** Dollars and cents as typed: "25", "27.50", "$1,200". */
const AMOUNT = /^\$?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/;

/** An amount typed into a settings form, as whole cents; null when it is not an amount. */
export function parseMoneyCents(text: string): number | null {
  const match = AMOUNT.exec(text.trim());
  if (!match) return null;
  return Number(match[1]!.replaceAll(",", "")) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** The form's text for stored cents: "27.50". */
export function moneyFormValue(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
