import { describe, expect, it } from "vitest";
import { ageOn } from "./age";

describe("ageOn", () => {
  it("counts a year only once the birthday has come", () => {
    expect(ageOn("1990-05-14", "2026-05-13")).toBe(35);
    expect(ageOn("1990-05-14", "2026-05-14")).toBe(36);
    expect(ageOn("1990-05-14", "2026-12-31")).toBe(36);
  });

  it("ages a leap-day birth on 1 March in a common year", () => {
    expect(ageOn("2000-02-29", "2026-02-28")).toBe(25);
    expect(ageOn("2000-02-29", "2026-03-01")).toBe(26);
    expect(ageOn("2000-02-29", "2028-02-29")).toBe(28);
  });
});
