import { describe, expect, it } from "vitest";
import { nearestSlots } from "./nearest-slots";
import type { Slot } from "./types";

const HOUR = 3_600_000;
const base = Date.parse("2026-11-23T15:00:00Z");
const slot = (hours: number, therapistId = "t-1"): Slot => ({
  start: base + hours * HOUR,
  end: base + hours * HOUR + HOUR,
  therapistId,
  locationId: "loc-1",
});
const hoursOf = (slots: Slot[]) => slots.map((s) => (s.start - base) / HOUR);

describe("nearestSlots", () => {
  // Deliberately unsorted.
  const slots = [slot(3), slot(0), slot(5), slot(1), slot(2)];

  it("returns the n closest starts, sorted by start", () => {
    expect(hoursOf(nearestSlots(slots, base + 4.9 * HOUR, 3))).toEqual([2, 3, 5]);
    expect(hoursOf(nearestSlots(slots, base + 3.2 * HOUR, 2))).toEqual([2, 3]);
  });

  it("prefers the earlier start when two are equally close", () => {
    expect(hoursOf(nearestSlots(slots, base + 1.5 * HOUR, 1))).toEqual([1]);
    expect(hoursOf(nearestSlots(slots, base + 1.5 * HOUR, 3))).toEqual([0, 1, 2]);
  });

  it("keeps the target itself when it is free", () => {
    expect(hoursOf(nearestSlots(slots, base + 2 * HOUR, 1))).toEqual([2]);
  });

  it("orders slots sharing a start by therapistId", () => {
    const same = [slot(1, "t-b"), slot(1, "t-a"), slot(4, "t-a")];
    expect(nearestSlots(same, base + HOUR, 2).map((s) => s.therapistId)).toEqual(["t-a", "t-b"]);
  });

  it("returns everything when n exceeds the list, and nothing for n ≤ 0", () => {
    expect(hoursOf(nearestSlots(slots, base, 10))).toEqual([0, 1, 2, 3, 5]);
    expect(nearestSlots(slots, base, 0)).toEqual([]);
    expect(nearestSlots(slots, base, -1)).toEqual([]);
    expect(nearestSlots([], base, 3)).toEqual([]);
  });

  it("does not reorder its input", () => {
    const input = [slot(3), slot(0)];
    nearestSlots(input, base, 1);
    expect(hoursOf(input)).toEqual([3, 0]);
  });
});
