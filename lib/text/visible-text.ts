import { z } from "zod";

// Bidi controls make a name display differently from what it is (an override
// can turn "nhoJ" into a visible "John"), and zero-width characters make two
// names that look the same compare different. Neither belongs in a name or a
// note typed into a form; every other character (accents, Ñ, CJK, emoji) stays.
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/g;

export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, "");
}

/**
 * A string field with bidi controls and zero-width characters removed before
 * any other check, so a name of nothing but invisible characters counts as empty.
 */
export function visibleString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(stripInvisible);
}
