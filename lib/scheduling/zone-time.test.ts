import { describe, expect, it } from "vitest";
import {
  formatInstantWithOffset,
  isLocalDate,
  isoWeekday,
  localDateOf,
  localDateRange,
  wallTimeToInstant,
  zonedDayBounds,
} from "./zone-time";

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();
const HOUR_MS = 3_600_000;

describe("localDateRange", () => {
  it("lists every date inclusively across month, year and leap-day boundaries", () => {
    expect(localDateRange("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(localDateRange("2028-02-28", "2028-03-01")).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
    expect(localDateRange("2026-11-23", "2026-11-23")).toEqual(["2026-11-23"]);
  });

  it("is empty when to is before from", () => {
    expect(localDateRange("2026-11-24", "2026-11-23")).toEqual([]);
  });

  it("spans a DST change without skipping or repeating a date", () => {
    expect(localDateRange("2026-03-07", "2026-03-09")).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    expect(localDateRange("2026-10-31", "2026-11-02")).toEqual(["2026-10-31", "2026-11-01", "2026-11-02"]);
  });

  it("rejects malformed and impossible dates", () => {
    expect(() => localDateRange("2026-02-30", "2026-03-01")).toThrow(RangeError);
    expect(() => localDateRange("2026-11-23", "23/11/2026")).toThrow(RangeError);
    expect(isLocalDate("2026-13-01")).toBe(false);
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
  });
});

describe("isoWeekday", () => {
  it("maps dates to 1 = Monday … 7 = Sunday", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-25")).toBe(3);
    expect(isoWeekday("2026-11-28")).toBe(6);
    expect(isoWeekday("2026-11-22")).toBe(7);
    expect(isoWeekday("2026-03-08")).toBe(7);
    expect(isoWeekday("2000-01-01")).toBe(6);
  });
});

describe("wallTimeToInstant", () => {
  it("converts an ordinary wall time with the zone's offset", () => {
    expect(iso(wallTimeToInstant("2026-11-23", 9 * 60, "America/Chicago"))).toBe("2026-11-23T15:00:00.000Z");
    expect(iso(wallTimeToInstant("2026-07-01", 9 * 60, "America/Chicago"))).toBe("2026-07-01T14:00:00.000Z");
    expect(iso(wallTimeToInstant("2026-11-23", 9 * 60, "Asia/Kathmandu"))).toBe("2026-11-23T03:15:00.000Z");
    expect(iso(wallTimeToInstant("2026-11-23", 9 * 60, "Pacific/Auckland"))).toBe("2026-11-22T20:00:00.000Z");
  });

  it("moves a time inside the spring-forward gap to the first real instant after it", () => {
    // America/Chicago 2026-03-08: 02:00 CST jumps to 03:00 CDT at 08:00Z.
    expect(iso(wallTimeToInstant("2026-03-08", 2 * 60 + 30, "America/Chicago"))).toBe("2026-03-08T08:00:00.000Z");
    expect(iso(wallTimeToInstant("2026-03-08", 2 * 60, "America/Chicago"))).toBe("2026-03-08T08:00:00.000Z");
    expect(iso(wallTimeToInstant("2026-03-08", 3 * 60, "America/Chicago"))).toBe("2026-03-08T08:00:00.000Z");
    expect(iso(wallTimeToInstant("2026-03-08", 60 + 59, "America/Chicago"))).toBe("2026-03-08T07:59:00.000Z");
  });

  it("resolves a repeated fall-back time to its first occurrence", () => {
    // America/Chicago 2026-11-01: 01:00–02:00 happens at -05:00 then at -06:00.
    expect(iso(wallTimeToInstant("2026-11-01", 60 + 30, "America/Chicago"))).toBe("2026-11-01T06:30:00.000Z");
    expect(iso(wallTimeToInstant("2026-11-01", 2 * 60, "America/Chicago"))).toBe("2026-11-01T08:00:00.000Z");
  });

  it("treats minute 1440 as the next local midnight", () => {
    expect(iso(wallTimeToInstant("2026-11-23", 1440, "America/Chicago"))).toBe("2026-11-24T06:00:00.000Z");
  });

  it("rejects bad minutes, dates and zones", () => {
    expect(() => wallTimeToInstant("2026-11-23", 1441, "America/Chicago")).toThrow(RangeError);
    expect(() => wallTimeToInstant("2026-11-23", -1, "America/Chicago")).toThrow(RangeError);
    expect(() => wallTimeToInstant("2026-11-23", 9.5, "America/Chicago")).toThrow(RangeError);
    expect(() => wallTimeToInstant("2026-11-31", 0, "America/Chicago")).toThrow(RangeError);
    expect(() => wallTimeToInstant("2026-11-23", 0, "Mars/Olympus_Mons")).toThrow(/Unknown IANA time zone/);
  });
});

describe("zonedDayBounds", () => {
  it("is 24 h on an ordinary day", () => {
    const day = zonedDayBounds("2026-11-23", "America/Chicago");
    expect(iso(day.start)).toBe("2026-11-23T06:00:00.000Z");
    expect(iso(day.end)).toBe("2026-11-24T06:00:00.000Z");
  });

  it("is 23 h on spring-forward and 25 h on fall-back", () => {
    const spring = zonedDayBounds("2026-03-08", "America/Chicago");
    expect(iso(spring.start)).toBe("2026-03-08T06:00:00.000Z");
    expect(iso(spring.end)).toBe("2026-03-09T05:00:00.000Z");
    expect(spring.end - spring.start).toBe(23 * HOUR_MS);
    const fall = zonedDayBounds("2026-11-01", "America/Chicago");
    expect(iso(fall.start)).toBe("2026-11-01T05:00:00.000Z");
    expect(iso(fall.end)).toBe("2026-11-02T06:00:00.000Z");
    expect(fall.end - fall.start).toBe(25 * HOUR_MS);
  });

  it("starts at the first real instant when local midnight itself is skipped", () => {
    // America/Santiago 2026-09-06: clocks go from 00:00 -04 straight to 01:00 -03.
    const day = zonedDayBounds("2026-09-06", "America/Santiago");
    expect(iso(day.start)).toBe("2026-09-06T04:00:00.000Z");
    expect(iso(day.end)).toBe("2026-09-07T03:00:00.000Z");
    expect(formatInstantWithOffset(day.start, "America/Santiago")).toBe("2026-09-06T01:00:00-03:00");
  });

  it("handles a zone ahead of UTC whose local day begins on the previous UTC date", () => {
    const day = zonedDayBounds("2026-11-23", "Pacific/Auckland");
    expect(iso(day.start)).toBe("2026-11-22T11:00:00.000Z");
    expect(iso(day.end)).toBe("2026-11-23T11:00:00.000Z");
  });
});

describe("localDateOf", () => {
  it("reads the date in the given zone, not in UTC", () => {
    expect(localDateOf(at("2026-11-24T02:00:00Z"), "America/Chicago")).toBe("2026-11-23");
    expect(localDateOf(at("2026-11-22T20:00:00Z"), "Pacific/Auckland")).toBe("2026-11-23");
    expect(localDateOf(at("2026-11-22T18:14:59Z"), "Asia/Kathmandu")).toBe("2026-11-22");
    expect(localDateOf(at("2026-11-22T18:15:00Z"), "Asia/Kathmandu")).toBe("2026-11-23");
  });

  it("puts both passes through the repeated fall-back hour on the same date", () => {
    expect(localDateOf(at("2026-11-01T06:30:00Z"), "America/Chicago")).toBe("2026-11-01");
    expect(localDateOf(at("2026-11-01T07:30:00Z"), "America/Chicago")).toBe("2026-11-01");
    expect(localDateOf(at("2026-11-01T04:59:59Z"), "America/Chicago")).toBe("2026-10-31");
  });
});

describe("formatInstantWithOffset", () => {
  it("writes the offset in force at that instant, either side of DST", () => {
    expect(formatInstantWithOffset(at("2026-11-23T15:00:00Z"), "America/Chicago")).toBe("2026-11-23T09:00:00-06:00");
    expect(formatInstantWithOffset(at("2026-07-01T14:00:00Z"), "America/Chicago")).toBe("2026-07-01T09:00:00-05:00");
    expect(formatInstantWithOffset(at("2026-03-08T07:59:00Z"), "America/Chicago")).toBe("2026-03-08T01:59:00-06:00");
    expect(formatInstantWithOffset(at("2026-03-08T08:00:00Z"), "America/Chicago")).toBe("2026-03-08T03:00:00-05:00");
  });

  it("distinguishes the two passes through the repeated fall-back hour", () => {
    expect(formatInstantWithOffset(at("2026-11-01T06:30:00Z"), "America/Chicago")).toBe("2026-11-01T01:30:00-05:00");
    expect(formatInstantWithOffset(at("2026-11-01T07:30:00Z"), "America/Chicago")).toBe("2026-11-01T01:30:00-06:00");
  });

  it("handles quarter-hour and far-east offsets, and UTC", () => {
    expect(formatInstantWithOffset(at("2026-11-23T03:15:00Z"), "Asia/Kathmandu")).toBe("2026-11-23T09:00:00+05:45");
    expect(formatInstantWithOffset(at("2026-11-22T20:00:00Z"), "Pacific/Auckland")).toBe("2026-11-23T09:00:00+13:00");
    expect(formatInstantWithOffset(at("2026-06-22T21:00:00Z"), "Pacific/Auckland")).toBe("2026-06-23T09:00:00+12:00");
    expect(formatInstantWithOffset(at("2026-11-23T09:00:00Z"), "UTC")).toBe("2026-11-23T09:00:00+00:00");
  });

  it("drops milliseconds instead of rounding them", () => {
    expect(formatInstantWithOffset(at("2026-11-23T15:00:59.999Z"), "America/Chicago")).toBe("2026-11-23T09:00:59-06:00");
  });
});

describe("formatInstantWithOffset across whole years", () => {
  it("matches luxon's formatting at every quarter hour around both 2026 transitions in Chicago and Lord Howe", async () => {
    const { DateTime } = await import("luxon");
    const zones = ["America/Chicago", "Australia/Lord_Howe", "Asia/Kathmandu"];
    const windows = [Date.UTC(2026, 2, 7), Date.UTC(2026, 9, 3), Date.UTC(2026, 9, 31), Date.UTC(2026, 3, 4)];
    for (const zone of zones) {
      for (const from of windows) {
        for (let t = from; t < from + 3 * 86_400_000; t += 7 * 60_000) {
          const expected = DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
          expect(formatInstantWithOffset(t, zone)).toBe(expected);
        }
      }
    }
  });
});
