import { describe, expect, it } from "vitest";
import { createRoomPicker, pickRoom } from "./pick-room";
import type { RoomLoad } from "./types";

const i = (start: number, end: number) => ({ start, end });
const visit = i(100, 200);

describe("pickRoom", () => {
  it("prefers the room with the fewest overlapping visits", () => {
    const rooms: RoomLoad[] = [
      { roomId: "a", capacity: 3, busy: [i(100, 200), i(150, 250)] },
      { roomId: "b", capacity: 3, busy: [i(120, 180)] },
      { roomId: "c", capacity: 3, busy: [i(90, 110), i(190, 300)] },
    ];
    expect(pickRoom(rooms, visit)).toBe("b");
  });

  it("breaks ties by roomId whatever the input order", () => {
    const rooms: RoomLoad[] = [
      { roomId: "room-2", capacity: 1, busy: [] },
      { roomId: "room-10", capacity: 1, busy: [] },
      { roomId: "room-1", capacity: 1, busy: [i(0, 50)] },
    ];
    expect(pickRoom(rooms, visit)).toBe("room-1");
  });

  it("returns null when every room is at capacity", () => {
    const rooms: RoomLoad[] = [
      { roomId: "a", capacity: 1, busy: [i(150, 160)] },
      { roomId: "b", capacity: 2, busy: [i(50, 101), i(199, 400)] },
    ];
    expect(pickRoom(rooms, visit)).toBeNull();
  });

  it("counts overlapping visits against capacity 2", () => {
    const one: RoomLoad[] = [{ roomId: "gym", capacity: 2, busy: [i(100, 200)] }];
    expect(pickRoom(one, visit)).toBe("gym");
    const two: RoomLoad[] = [{ roomId: "gym", capacity: 2, busy: [i(100, 200), i(150, 160)] }];
    expect(pickRoom(two, visit)).toBeNull();
  });

  it("does not count back-to-back visits", () => {
    const rooms: RoomLoad[] = [{ roomId: "a", capacity: 1, busy: [i(0, 100), i(200, 300)] }];
    expect(pickRoom(rooms, visit)).toBe("a");
    // A short visit ending exactly at the start, next to a much longer one.
    const mixed: RoomLoad[] = [{ roomId: "a", capacity: 1, busy: [i(50, 100), i(500, 1000)] }];
    expect(pickRoom(mixed, visit)).toBe("a");
  });

  it("finds a long visit that started well before", () => {
    const rooms: RoomLoad[] = [{ roomId: "a", capacity: 1, busy: [i(190, 195), i(0, 1000), i(10, 20)] }];
    expect(pickRoom(rooms, visit)).toBeNull();
    // The longest visit, overlapping by a single millisecond.
    expect(pickRoom([{ roomId: "a", capacity: 1, busy: [i(1, 101), i(0, 10)] }], visit)).toBeNull();
  });

  it("returns null with no rooms or only rooms of capacity 0", () => {
    expect(pickRoom([], visit)).toBeNull();
    expect(pickRoom([{ roomId: "closet", capacity: 0, busy: [] }], visit)).toBeNull();
  });

  it("answers repeated questions from one index", () => {
    const pick = createRoomPicker([
      { roomId: "a", capacity: 1, busy: [i(100, 200)] },
      { roomId: "b", capacity: 1, busy: [i(200, 300)] },
    ]);
    expect(pick(i(100, 200))).toBe("b");
    expect(pick(i(200, 300))).toBe("a");
    expect(pick(i(150, 250))).toBeNull();
    expect(pick(i(300, 400))).toBe("a");
  });
});
