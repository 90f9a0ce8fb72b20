import { describe, expect, it } from "vitest";
import { lastFourWeeks } from "./schema";

const DENVER = { id: "denver", timeZone: "America/Denver", active: true };
const AUCKLAND = { id: "auckland", timeZone: "Pacific/Auckland", active: true };
const CLOSED = { id: "closed", timeZone: "Asia/Tokyo", active: false };

describe("the range a report shows when none is asked", () => {
  // 20:30 in Denver on 28 November is already the 29th in UTC.
  const evening = new Date("2026-11-29T03:30:00Z");

  it("ends on today as the clinic's clock reads it, not UTC's", () => {
    expect(lastFourWeeks(evening, [DENVER, AUCKLAND], undefined)).toEqual({ from: "2026-11-01", to: "2026-11-28" });
  });

  it("reads the chosen location's clock, and skips a closed location when none is chosen", () => {
    expect(lastFourWeeks(evening, [DENVER, AUCKLAND], "auckland")).toEqual({ from: "2026-11-02", to: "2026-11-29" });
    expect(lastFourWeeks(evening, [CLOSED, DENVER], undefined).to).toBe("2026-11-28");
  });

  it("falls back to UTC's date for a practice with no location yet", () => {
    expect(lastFourWeeks(evening, [], undefined)).toEqual({ from: "2026-11-02", to: "2026-11-29" });
  });
});
