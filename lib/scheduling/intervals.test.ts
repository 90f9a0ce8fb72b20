import { describe, expect, it } from "vitest";
import { firstOverlapping, mergeIntervals, overlaps } from "./intervals";

const i = (start: number, end: number) => ({ start, end });

describe("overlaps", () => {
  it("is half-open: touching intervals do not overlap", () => {
    expect(overlaps(i(0, 10), i(10, 20))).toBe(false);
    expect(overlaps(i(10, 20), i(0, 10))).toBe(false);
    expect(overlaps(i(0, 11), i(10, 20))).toBe(true);
    expect(overlaps(i(5, 6), i(0, 20))).toBe(true);
  });
});

describe("mergeIntervals", () => {
  it("sorts, joins overlapping and touching intervals, and drops empty ones", () => {
    expect(mergeIntervals([i(30, 40), i(0, 10), i(5, 12), i(12, 15), i(20, 20), i(25, 24), i(35, 50)])).toEqual([
      i(0, 15),
      i(30, 50),
    ]);
  });

  it("keeps an interval that contains the next", () => {
    expect(mergeIntervals([i(0, 100), i(10, 20), i(150, 160)])).toEqual([i(0, 100), i(150, 160)]);
  });

  it("does not modify its input", () => {
    const input = [i(5, 12), i(0, 10)];
    mergeIntervals(input);
    expect(input).toEqual([i(5, 12), i(0, 10)]);
  });
});

describe("firstOverlapping", () => {
  const merged = mergeIntervals([i(10, 20), i(30, 40), i(50, 60)]);

  it("finds the earliest interval overlapping the range", () => {
    expect(firstOverlapping(merged, 15, 55)).toEqual(i(10, 20));
    expect(firstOverlapping(merged, 20, 55)).toEqual(i(30, 40));
    expect(firstOverlapping(merged, 59, 100)).toEqual(i(50, 60));
  });

  it("returns undefined in gaps, including exact back-to-back fits", () => {
    expect(firstOverlapping(merged, 20, 30)).toBeUndefined();
    expect(firstOverlapping(merged, 0, 10)).toBeUndefined();
    expect(firstOverlapping(merged, 60, 70)).toBeUndefined();
    expect(firstOverlapping([], 0, 100)).toBeUndefined();
  });
});
