// Room capacity for CLINIC visits: a room can take a visit while fewer than
// `capacity` of its booked visits overlap the new one.

import { compareIds } from "./slot-order";
import type { Interval, RoomLoad } from "./types";

/** Answers, for a visit time, which room to use, or null when all are full. */
export type RoomPicker = (visit: Interval) => string | null;

interface IndexedRoom {
  roomId: string;
  capacity: number;
  /** Sorted by start. */
  busy: Interval[];
  /** Longest busy interval, which bounds how far back an overlapping one can start. */
  longest: number;
}

/**
 * The room with capacity left during `visit`: the one with the fewest
 * overlapping visits, ties by roomId. Null when every room is full or there
 * are no rooms.
 */
export function pickRoom(rooms: readonly RoomLoad[], visit: Interval): string | null {
  return createRoomPicker(rooms)(visit);
}

/** Indexes the rooms once so that many visit times can be checked cheaply. */
export function createRoomPicker(rooms: readonly RoomLoad[]): RoomPicker {
  const indexed: IndexedRoom[] = rooms
    .filter((room) => room.capacity > 0)
    .map((room) => {
      const busy = room.busy
        .filter((i) => i.end > i.start)
        .map((i) => ({ start: i.start, end: i.end }))
        .sort((a, b) => a.start - b.start);
      const longest = busy.reduce((max, i) => Math.max(max, i.end - i.start), 0);
      return { roomId: room.roomId, capacity: room.capacity, busy, longest };
    })
    .sort((a, b) => compareIds(a.roomId, b.roomId));

  return (visit) => {
    let best: string | null = null;
    let bestLoad = Infinity;
    for (const room of indexed) {
      const load = countOverlapping(room, visit, Math.min(room.capacity, bestLoad));
      if (load < room.capacity && load < bestLoad) {
        best = room.roomId;
        bestLoad = load;
      }
    }
    return best;
  };
}

/** Overlapping busy intervals, counting no further than `limit` (the answer is then "too many"). */
function countOverlapping(room: IndexedRoom, visit: Interval, limit: number): number {
  const { busy } = room;
  // Only intervals starting after visit.start − longest can reach into the visit.
  const earliestStart = visit.start - room.longest;
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (busy[mid]!.start > earliestStart) hi = mid;
    else lo = mid + 1;
  }
  let count = 0;
  for (let i = lo; i < busy.length && count < limit; i++) {
    const interval = busy[i]!;
    if (interval.start >= visit.end) break;
    if (interval.end > visit.start) count++;
  }
  return count;
}
