/**
 * A sentence that ends on an abbreviation takes no second period: Spanish
 * times end in "a. m."-style abbreviations ("7:00 p.m."), so "… a las {time}."
 * would read "7:00 p.m..". An ellipsis ("...") is left as it is.
 */
export function withoutDoubledPeriod(text: string): string {
  return text.replace(/(?<!\.)\.\.(?!\.)/g, ".");
}
