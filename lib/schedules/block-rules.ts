// Rules a weekly block must meet against the therapist's other blocks and
// the visit modes they offer. Plain values in, plain values out.

import type { VisitMode, WeeklyBlock } from "../scheduling/types";

export interface PlacedBlock extends WeeklyBlock {
  /** Absent for a block not saved yet. */
  id?: string;
  locationId: string;
}

const OPEN_START = "0000-01-01";
const OPEN_END = "9999-12-31";

/**
 * Same weekday, overlapping minutes (back-to-back is fine), and some week in
 * which both apply. Location does not matter: a therapist cannot be in two
 * places at once. Blocks are compared in wall-clock minutes, which is exact
 * while a therapist's locations share one zone, as a practice's do.
 */
export function blocksOverlap(a: PlacedBlock, b: PlacedBlock): boolean {
  if (a.weekday !== b.weekday) return false;
  if (!(a.startMinute < b.endMinute && b.startMinute < a.endMinute)) return false;
  const aFrom = a.validFrom ?? OPEN_START;
  const aUntil = a.validUntil ?? OPEN_END;
  const bFrom = b.validFrom ?? OPEN_START;
  const bUntil = b.validUntil ?? OPEN_END;
  return aFrom <= bUntil && bFrom <= aUntil;
}

/** The first of `existing` (other than the candidate itself) that the candidate overlaps. */
export function findOverlappingBlock<B extends PlacedBlock>(candidate: PlacedBlock, existing: readonly B[]): B | undefined {
  return existing.find((block) => (candidate.id === undefined || block.id !== candidate.id) && blocksOverlap(candidate, block));
}

/** The modes of a block that the therapist does not offer. */
export function modesNotOffered(modes: readonly VisitMode[], offered: readonly VisitMode[]): VisitMode[] {
  return modes.filter((mode) => !offered.includes(mode));
}
