import { describe, expect, it } from "vitest";
import { visitsOverCapacity } from "./room-overload";

const H = 3_600_000;
const visit = (id: string, startHour: number, endHour: number) => ({ id, start: startHour * H, end: endHour * H });

describe("visitsOverCapacity", () => {
  it("lists the visits of every moment with more visits than the room holds", () => {
    const visits = [visit("c", 11, 12), visit("a", 9, 10), visit("b", 9.5, 10.5), visit("d", 13, 14)];
    expect(visitsOverCapacity(visits, 1).map((v) => v.id)).toEqual(["a", "b"]);
    expect(visitsOverCapacity(visits, 2)).toEqual([]);
  });

  it("does not count back-to-back visits as overlapping", () => {
    expect(visitsOverCapacity([visit("a", 9, 10), visit("b", 10, 11)], 1)).toEqual([]);
  });

  it("names each visit once when several moments are too full", () => {
    const visits = [visit("a", 9, 12), visit("b", 9, 10), visit("c", 11, 12)];
    expect(visitsOverCapacity(visits, 1).map((v) => v.id)).toEqual(["b", "a", "c"]);
  });
});
