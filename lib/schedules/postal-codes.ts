// The postal codes a location visits at home, as staff type them into one box.

const US_ZIP = /^\d{5}$/;
// Letters, digits, inner spaces or hyphens: covers UK, Canadian and most other formats.
const ANY_POSTAL_CODE = /^[0-9A-Z][0-9A-Z -]{1,8}[0-9A-Z]$/;
export const MAX_POSTAL_CODES = 500;

export type PostalCodeList = { ok: true; codes: string[] } | { ok: false; message: string };

/** Upper case, single inner spaces: the form a patient's code is compared in. */
export function normalisePostalCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, " ");
}

/**
 * Splits, normalises, de-duplicates and checks a typed list of postal codes.
 * US ZIP codes never hold a space, so there any whitespace separates codes;
 * elsewhere a space can sit inside a code ("SW1A 1AA"), so only commas,
 * semicolons and line breaks do.
 */
export function parsePostalCodes(text: string, country: string): PostalCodeList {
  const us = country.toUpperCase() === "US";
  const parts = text.split(us ? /[\s,;]+/ : /[,;\r\n]+/).map(normalisePostalCode).filter((code) => code !== "");
  const codes = [...new Set(parts)];
  const invalid = codes.filter((code) => !(us ? US_ZIP : ANY_POSTAL_CODE).test(code));
  if (invalid.length > 0) {
    const list = invalid.slice(0, 5).join(", ");
    return {
      ok: false,
      message: us
        ? `Use 5-digit ZIP codes, e.g. 79912. Not valid: ${list}.`
        : `Use postal codes of 3 to 10 letters and digits. Not valid: ${list}.`,
    };
  }
  if (codes.length > MAX_POSTAL_CODES) return { ok: false, message: `List at most ${MAX_POSTAL_CODES} postal codes.` };
  return { ok: true, codes };
}
