import { describe, expect, it } from "vitest";
import { agendaDayOf, agendaDays } from "./agenda-days";

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();
const HOUR_MS = 3_600_000;

describe("agendaDays", () => {
  it("reads today in the location's zone, not in UTC", () => {
    // 05:30 UTC on the 23rd is still 23:30 on the 22nd in Chicago.
    const [today, tomorrow] = agendaDays(at("2026-11-23T05:30:00Z"), "America/Chicago");
    expect(today.date).toBe("2026-11-22");
    expect(tomorrow.date).toBe("2026-11-23");
    expect(iso(today.start)).toBe("2026-11-22T06:00:00.000Z");
    expect(iso(tomorrow.end)).toBe("2026-11-24T06:00:00.000Z");
  });

  it("gives the fall-back day its 25 hours (America/Chicago, 2026-11-01)", () => {
    const [today, tomorrow] = agendaDays(at("2026-11-01T04:30:00Z"), "America/Chicago");
    expect(today.date).toBe("2026-10-31");
    expect(tomorrow.date).toBe("2026-11-01");
    expect(tomorrow.start).toBe(today.end);
    expect(today.end - today.start).toBe(24 * HOUR_MS);
    expect(tomorrow.end - tomorrow.start).toBe(25 * HOUR_MS);
    expect(iso(tomorrow.end)).toBe("2026-11-02T06:00:00.000Z");
  });

  it("gives the spring-forward day its 23 hours (America/Chicago, 2026-03-08)", () => {
    const [, tomorrow] = agendaDays(at("2026-03-07T18:00:00Z"), "America/Chicago");
    expect(tomorrow.date).toBe("2026-03-08");
    expect(tomorrow.end - tomorrow.start).toBe(23 * HOUR_MS);
  });

  it("handles a zone with a quarter-hour offset", () => {
    const [today] = agendaDays(at("2026-11-22T18:20:00Z"), "Asia/Kathmandu");
    expect(today.date).toBe("2026-11-23");
    expect(iso(today.start)).toBe("2026-11-22T18:15:00.000Z");
  });
});

describe("agendaDayOf", () => {
  const days = agendaDays(at("2026-11-01T04:30:00Z"), "America/Chicago");

  it("puts a visit at 23:30 on the long day (after the repeated hour) into that day", () => {
    // 23:30 CST on 1 November is 05:30 UTC on the 2nd.
    expect(agendaDayOf(at("2026-11-02T05:30:00Z"), days)?.date).toBe("2026-11-01");
    // Both 01:30s of the repeated hour belong to the 1st.
    expect(agendaDayOf(at("2026-11-01T06:30:00Z"), days)?.date).toBe("2026-11-01");
    expect(agendaDayOf(at("2026-11-01T07:30:00Z"), days)?.date).toBe("2026-11-01");
  });

  it("leaves out yesterday and the day after tomorrow", () => {
    expect(agendaDayOf(at("2026-10-31T04:59:59Z"), days)).toBeUndefined();
    expect(agendaDayOf(at("2026-10-31T05:00:00Z"), days)?.date).toBe("2026-10-31");
    expect(agendaDayOf(at("2026-11-02T06:00:00Z"), days)).toBeUndefined();
  });
});
