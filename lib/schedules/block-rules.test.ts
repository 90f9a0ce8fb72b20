import { describe, expect, it } from "vitest";
import { blocksOverlap, findOverlappingBlock, modesNotOffered, type PlacedBlock } from "./block-rules";

function block(overrides: Partial<PlacedBlock> = {}): PlacedBlock {
  return { id: "b1", locationId: "westside", weekday: 1, startMinute: 8 * 60, endMinute: 12 * 60, visitModes: ["CLINIC"], ...overrides };
}

describe("blocksOverlap", () => {
  it("catches overlapping minutes on the same weekday at any location", () => {
    expect(blocksOverlap(block(), block({ id: "b2", startMinute: 11 * 60, endMinute: 13 * 60 }))).toBe(true);
    expect(blocksOverlap(block(), block({ id: "b2", locationId: "las-cruces", startMinute: 9 * 60, endMinute: 10 * 60 }))).toBe(true);
  });

  it("allows back-to-back blocks and other weekdays", () => {
    expect(blocksOverlap(block(), block({ id: "b2", startMinute: 12 * 60, endMinute: 17 * 60 }))).toBe(false);
    expect(blocksOverlap(block(), block({ id: "b2", weekday: 2 }))).toBe(false);
  });

  it("allows the same hours in weeks that do not meet", () => {
    const untilNov = block({ validUntil: "2026-11-30" });
    expect(blocksOverlap(untilNov, block({ id: "b2", validFrom: "2026-12-01" }))).toBe(false);
    expect(blocksOverlap(untilNov, block({ id: "b2", validFrom: "2026-11-30" }))).toBe(true);
    expect(blocksOverlap(untilNov, block({ id: "b2" }))).toBe(true);
  });
});

describe("findOverlappingBlock", () => {
  it("skips the block being edited", () => {
    const existing = [block(), block({ id: "b2", startMinute: 13 * 60, endMinute: 17 * 60 })];
    expect(findOverlappingBlock(block({ startMinute: 7 * 60 }), existing)).toBeUndefined();
    expect(findOverlappingBlock(block({ startMinute: 7 * 60, endMinute: 14 * 60 }), existing)?.id).toBe("b2");
    expect(findOverlappingBlock({ ...block(), id: undefined }, existing)?.id).toBe("b1");
  });
});

describe("modesNotOffered", () => {
  it("names the modes the therapist does not offer", () => {
    expect(modesNotOffered(["CLINIC", "HOME"], ["CLINIC", "VIDEO"])).toEqual(["HOME"]);
    expect(modesNotOffered(["CLINIC"], ["CLINIC"])).toEqual([]);
  });
});
