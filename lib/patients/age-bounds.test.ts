import { describe, expect, it } from "vitest";
import { ageOn } from "./age";

describe("ageOn", () => {
  it("counts a year only once the birthday has come", () => {
    expect(ageOn("1990-05-14", "2026-05-13")).toBe(35);
    expect(ageOn("1990-05-14", "2026-05-14")).toBe(36);
    expect(ageOn("1990-05-14", "2026-11-21")).toBe(36);
  });

  it("turns over at New Year only for a 1 January birthday", () => {
    expect(ageOn("2001-12-31", "2026-12-31")).toBe(25);
    expect(ageOn("2001-12-31", "2026-01-01")).toBe(24);
    expect(ageOn("2001-01-01", "2026-01-01")).toBe(25);
  });

  it("ages a 29 February baby on 1 March in common years and on the day in leap years", () => {
    expect(ageOn("2000-02-29", "2026-02-28")).toBe(25);
    expect(ageOn("2000-02-29", "2026-03-01")).toBe(26);
    expect(ageOn("2000-02-29", "2028-02-28")).toBe(27);
    expect(ageOn("2000-02-29", "2028-02-29")).toBe(28);
  });

  it("is zero on the day of birth and rejects other formats", () => {
    expect(ageOn("2026-11-21", "2026-11-21")).toBe(0);
    expect(() => ageOn("21/11/1990", "2026-11-21")).toThrow(RangeError);
  });
});
