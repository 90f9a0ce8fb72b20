import { describe, expect, it } from "vitest";
import { formatClock, formatClockRange, formatWallTime, parseWallTime } from "./wall-time";

describe("parseWallTime", () => {
  it("reads HH:MM from 00:00 to 24:00 and nothing else", () => {
    expect(parseWallTime("00:00")).toBe(0);
    expect(parseWallTime(" 13:45 ")).toBe(825);
    expect(parseWallTime("24:00")).toBe(1440);
    for (const bad of ["24:15", "7:00", "12:60", "noon", "12:00:00", ""]) expect(parseWallTime(bad)).toBeNull();
  });
});

describe("formatting", () => {
  it("writes minutes as HH:MM for forms and as a 12-hour clock for people", () => {
    expect(formatWallTime(780)).toBe("13:00");
    expect(formatWallTime(0)).toBe("00:00");
    expect(formatClock(0)).toBe("12:00 AM");
    expect(formatClock(12 * 60)).toBe("12:00 PM");
    expect(formatClock(13 * 60 + 15)).toBe("1:15 PM");
    expect(formatClockRange(8 * 60, 1440)).toBe("8:00 AM – midnight");
  });
});
