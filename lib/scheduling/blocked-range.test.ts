import { describe, expect, it } from "vitest";
import { blockedRangeFor } from "./blocked-range";

const at = (iso: string) => Date.parse(iso);
const start = at("2026-11-23T15:00:00Z");
const params = { durationMinutes: 45, bufferBeforeMinutes: 10, bufferAfterMinutes: 15, travelMinutes: 30 };

describe("blockedRangeFor", () => {
  it("widens a CLINIC visit by its buffers only", () => {
    expect(blockedRangeFor(start, { ...params, mode: "CLINIC" })).toEqual({
      start,
      end: at("2026-11-23T15:45:00Z"),
      blockedFrom: at("2026-11-23T14:50:00Z"),
      blockedUntil: at("2026-11-23T16:00:00Z"),
    });
  });

  it("ignores travel for VIDEO visits", () => {
    const range = blockedRangeFor(start, { ...params, mode: "VIDEO" });
    expect(range.blockedFrom).toBe(at("2026-11-23T14:50:00Z"));
    expect(range.blockedUntil).toBe(at("2026-11-23T16:00:00Z"));
  });

  it("adds travel on both sides of a HOME visit", () => {
    expect(blockedRangeFor(start, { ...params, mode: "HOME" })).toEqual({
      start,
      end: at("2026-11-23T15:45:00Z"),
      blockedFrom: at("2026-11-23T14:20:00Z"),
      blockedUntil: at("2026-11-23T16:30:00Z"),
    });
  });

  it("equals the visit when there are no buffers", () => {
    const range = blockedRangeFor(start, { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, travelMinutes: 0, mode: "HOME" });
    expect(range).toEqual({ start, end: start + 3_600_000, blockedFrom: start, blockedUntil: start + 3_600_000 });
  });
});
