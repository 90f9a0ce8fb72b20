import { describe, expect, it } from "vitest";
import { parsePostalCodes } from "./postal-codes";

describe("parsePostalCodes", () => {
  it("splits US ZIP codes on commas, spaces and lines, and drops repeats", () => {
    expect(parsePostalCodes(" 79912, 79922\n79932 79912 ;", "US")).toEqual({ ok: true, codes: ["79912", "79922", "79932"] });
    expect(parsePostalCodes("", "US")).toEqual({ ok: true, codes: [] });
  });

  it("names the codes that are not 5-digit ZIP codes", () => {
    const result = parsePostalCodes("79912, 7991, 79912-1234, abcde", "US");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe("Use 5-digit ZIP codes, e.g. 79912. Not valid: 7991, 79912-1234, ABCDE.");
  });

  it("keeps the inner space of codes abroad and normalises case", () => {
    expect(parsePostalCodes("sw1a  1aa, K1A 0B1", "GB")).toEqual({ ok: true, codes: ["SW1A 1AA", "K1A 0B1"] });
    expect(parsePostalCodes("SW1A 1AA, !!", "GB").ok).toBe(false);
  });
});
