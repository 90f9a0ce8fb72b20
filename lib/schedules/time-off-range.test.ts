import { describe, expect, it } from "vitest";
import { timeOffInterval, wholeDaysOf } from "./time-off-range";

const iso = (instant: number) => new Date(instant).toISOString();
const HOUR_MS = 3_600_000;

describe("timeOffInterval", () => {
  it("runs whole days from the first local midnight to the one after the last day", () => {
    const range = timeOffInterval({ span: "days", firstDay: "2026-12-07", lastDay: "2026-12-09" }, "America/Chicago");
    expect(iso(range.start)).toBe("2026-12-07T06:00:00.000Z");
    expect(iso(range.end)).toBe("2026-12-10T06:00:00.000Z");
  });

  it("gives Chicago's fall-back day 25 hours and its spring-forward day 23", () => {
    const fall = timeOffInterval({ span: "days", firstDay: "2026-11-01", lastDay: "2026-11-01" }, "America/Chicago");
    expect(iso(fall.start)).toBe("2026-11-01T05:00:00.000Z");
    expect((fall.end - fall.start) / HOUR_MS).toBe(25);
    const spring = timeOffInterval({ span: "days", firstDay: "2026-03-08", lastDay: "2026-03-08" }, "America/Chicago");
    expect((spring.end - spring.start) / HOUR_MS).toBe(23);
  });

  it("reads from–to times on the location's clock, each with its own offset", () => {
    const range = timeOffInterval(
      { span: "times", startsAt: { date: "2026-10-31", minute: 13 * 60 }, endsAt: { date: "2026-11-01", minute: 13 * 60 } },
      "America/Chicago",
    );
    expect(iso(range.start)).toBe("2026-10-31T18:00:00.000Z"); // CDT
    expect(iso(range.end)).toBe("2026-11-01T19:00:00.000Z"); // CST
  });

  it("does not depend on the process zone (the suite runs in Asia/Kathmandu)", () => {
    const range = timeOffInterval({ span: "times", startsAt: { date: "2026-07-01", minute: 9 * 60 }, endsAt: { date: "2026-07-01", minute: 17 * 60 } }, "Europe/London");
    expect(iso(range.start)).toBe("2026-07-01T08:00:00.000Z");
    expect(iso(range.end)).toBe("2026-07-01T16:00:00.000Z");
  });
});

describe("wholeDaysOf", () => {
  it("recognises whole local days, across DST, and nothing else", () => {
    const zone = "America/Chicago";
    const fall = timeOffInterval({ span: "days", firstDay: "2026-10-31", lastDay: "2026-11-02" }, zone);
    expect(wholeDaysOf(fall, zone)).toEqual({ firstDay: "2026-10-31", lastDay: "2026-11-02" });
    expect(wholeDaysOf({ start: fall.start, end: fall.end - HOUR_MS }, zone)).toBeNull();
    expect(wholeDaysOf({ start: fall.start + HOUR_MS, end: fall.end }, zone)).toBeNull();
    expect(wholeDaysOf(fall, "America/Denver")).toBeNull();
  });
});
