// Which visits a room would hold more of at once than a new capacity allows.

export interface RoomVisit {
  id: string;
  start: number;
  end: number;
}

/**
 * The visits taking part in any moment when more than `capacity` of them
 * overlap, by start time. Intervals are half-open: back-to-back visits do
 * not overlap, as in the room capacity trigger.
 */
export function visitsOverCapacity<V extends RoomVisit>(visits: readonly V[], capacity: number): V[] {
  const sorted = [...visits].sort((a, b) => a.start - b.start || a.end - b.end);
  const over = new Set<V>();
  let open: V[] = [];
  for (const visit of sorted) {
    open = open.filter((other) => other.end > visit.start);
    open.push(visit);
    if (open.length > capacity) for (const other of open) over.add(other);
  }
  return sorted.filter((visit) => over.has(visit));
}
