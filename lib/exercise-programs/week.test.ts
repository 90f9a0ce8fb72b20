import { describe, expect, it } from "vitest";
import { addDays, endOfLocalDay, localDate, painTrendText, weekAround } from "./week";

describe("weekAround", () => {
  it("is Monday to Monday in the given zone, whatever the machine's zone", () => {
    // Sunday 1 November 2026, 23:30 in Denver, after the clocks went back: already Monday in UTC.
    const week = weekAround(new Date("2026-11-02T06:30:00Z"), "America/Denver");
    expect(week.start.toISOString()).toBe("2026-10-26T06:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-11-02T07:00:00.000Z");
    expect((week.end.getTime() - week.start.getTime()) / 3_600_000).toBe(169);
  });

  it("has 167 hours in the week the clocks go forward", () => {
    // Sunday 8 March 2026 at 02:00 in Denver: the week of 2 March is an hour short.
    const week = weekAround(new Date("2026-03-05T12:00:00Z"), "America/Denver");
    expect(week.start.toISOString()).toBe("2026-03-02T07:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-03-09T06:00:00.000Z");
    expect((week.end.getTime() - week.start.getTime()) / 3_600_000).toBe(167);
  });
});

describe("days in a zone", () => {
  it("reads the local day, counts days on and finds the local midnight that ends one", () => {
    expect(localDate(new Date("2026-11-23T05:30:00Z"), "America/Chicago")).toBe("2026-11-22");
    expect(addDays("2026-10-20", 27)).toBe("2026-11-16");
    expect(endOfLocalDay("2026-11-16", "America/Denver").toISOString()).toBe("2026-11-17T07:00:00.000Z");
  });

  it("writes a pain trend oldest first", () => {
    expect(painTrendText([6, 4, 3])).toBe("6 → 4 → 3");
  });
});
