// Which booked visits a schedule change would strand: visits that fitted the
// therapist's working time before the change and do not after it. Visits
// that were already outside it are not blamed on this change.

import { overlaps } from "../scheduling/intervals";
import type { Interval, VisitMode, WeeklyBlock } from "../scheduling/types";
import { isoWeekday, localDateOf, wallClockForDate } from "../scheduling/zone-time";
import type { StrandReason } from "./types";

export interface LocatedBlock extends WeeklyBlock {
  locationId: string;
}

/** A therapist's working time: weekly blocks at their locations, minus time off. */
export interface WorkingTime {
  blocks: readonly LocatedBlock[];
  timeOff: readonly Interval[];
}

export interface BookedVisit {
  id: string;
  locationId: string;
  /** The location's IANA zone: the block's wall-clock times are read in it. */
  timeZone: string;
  mode: VisitMode;
  status: string;
  /** The visit itself, as instants (buffers and travel are not working time). */
  start: number;
  end: number;
}

export interface StrandedVisit<V extends BookedVisit> {
  visit: V;
  reason: StrandReason;
}

/** Only visits still to come that hold the therapist's time can be stranded. */
const STRANDABLE_STATUSES = new Set(["BOOKED", "CHECKED_IN"]);

export function findStrandedVisits<V extends BookedVisit>(
  visits: readonly V[],
  before: WorkingTime,
  after: WorkingTime,
  now: number,
): StrandedVisit<V>[] {
  const stranded: StrandedVisit<V>[] = [];
  for (const visit of visits) {
    if (!STRANDABLE_STATUSES.has(visit.status) || visit.start <= now) continue;
    if (fitReason(visit, before) !== null) continue;
    const reason = fitReason(visit, after);
    if (reason) stranded.push({ visit, reason });
  }
  return stranded.sort((a, b) => a.visit.start - b.visit.start);
}

/** Null when the visit fits `time`; otherwise why it does not. */
export function fitReason(visit: BookedVisit, time: WorkingTime): StrandReason | null {
  if (!isInsideHours(visit, time.blocks)) return "outside-hours";
  if (time.timeOff.some((off) => overlaps(off, visit))) return "time-off";
  return null;
}

/**
 * One block at the visit's location, on the visit's local date, for its
 * mode, must hold the whole visit. The block's minutes become instants on
 * that very date, so on a DST day a 09:00 block starts at the real 09:00.
 */
function isInsideHours(visit: BookedVisit, blocks: readonly LocatedBlock[]): boolean {
  const date = localDateOf(visit.start, visit.timeZone);
  const weekday = isoWeekday(date);
  const clock = wallClockForDate(date, visit.timeZone);
  return blocks.some(
    (block) =>
      block.locationId === visit.locationId &&
      block.weekday === weekday &&
      block.visitModes.includes(visit.mode) &&
      (!block.validFrom || date >= block.validFrom) &&
      (!block.validUntil || date <= block.validUntil) &&
      block.endMinute > block.startMinute &&
      clock(block.startMinute) <= visit.start &&
      visit.end <= clock(block.endMinute),
  );
}

/** True when the visits the staff member confirmed are exactly the ones stranded now. */
export function sameVisits(confirmed: readonly string[] | undefined, stranded: readonly { id: string }[]): boolean {
  if (!confirmed) return false;
  const seen = new Set(confirmed);
  return seen.size === stranded.length && stranded.every((s) => seen.has(s.id));
}
