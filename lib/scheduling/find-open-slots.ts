// Open appointment slots for one therapist at one location.

import { blockingMargins } from "./blocked-range";
import { firstOverlapping, mergeIntervals } from "./intervals";
import { createRoomPicker, type RoomPicker } from "./pick-room";
import { compareSlots } from "./slot-order";
import type { Slot, SlotQuery, TherapistSchedule, WeeklyBlock } from "./types";
import { isLocalDate, isoWeekday, localDateOf, localDateRange, wallClockForDate } from "./zone-time";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DEFAULT_STEP_MINUTES = 15;

/**
 * Every start on each matching working block's step grid where the visit
 * fits inside the block, its blocked range (buffers, and travel for HOME)
 * avoids busy time and time off, notice and horizon hold, and — for CLINIC
 * visits when rooms are given — a room has capacity. Sorted by start.
 */
export function findOpenSlots(schedule: TherapistSchedule, query: SlotQuery): Slot[] {
  assertValidQuery(query);
  const zone = schedule.timeZone;
  const stepMs = (query.stepMinutes ?? DEFAULT_STEP_MINUTES) * MINUTE_MS;
  const { durationMs, beforeMs, afterMs } = blockingMargins(query);
  const earliest = query.now + query.minNoticeMinutes * MINUTE_MS;
  const latest = query.now + query.horizonDays * DAY_MS;
  if (latest <= earliest) return [];

  let roomPicker: RoomPicker | null = null;
  if (query.mode === "CLINIC" && query.rooms) {
    if (query.rooms.length === 0) return [];
    roomPicker = createRoomPicker(query.rooms);
  }

  // A block on an earlier date ends by that date's last midnight, before
  // `earliest`; one on a later date starts after `latest`. Clamping here keeps
  // a wide from/to from costing work.
  const notBefore = localDateOf(earliest, zone);
  const notAfter = localDateOf(latest - 1, zone);
  const from = query.from > notBefore ? query.from : notBefore;
  const to = query.to < notAfter ? query.to : notAfter;
  if (from > to) return [];

  const blocksByWeekday = groupBlocksByWeekday(schedule.weeklyHours, query.mode);
  const blockers = mergeIntervals([...schedule.busy, ...schedule.timeOff]);
  const slots: Slot[] = [];

  for (const date of localDateRange(from, to)) {
    const blocks = blocksByWeekday.get(isoWeekday(date));
    if (!blocks) continue;
    const clock = wallClockForDate(date, zone);
    for (const block of blocks) {
      if (block.validFrom && date < block.validFrom) continue;
      if (block.validUntil && date > block.validUntil) continue;
      // The grid runs in real elapsed time from the block's real start, so on
      // DST days the block is shorter or longer and no gap time is invented.
      const blockStart = clock(block.startMinute);
      const blockEnd = clock(block.endMinute);
      const lastFit = blockEnd - durationMs;
      let step = Math.max(0, Math.ceil((earliest - blockStart) / stepMs));
      for (let start = blockStart + step * stepMs; start <= lastFit && start < latest; start = blockStart + step * stepMs) {
        const end = start + durationMs;
        const conflict = firstOverlapping(blockers, start - beforeMs, end + afterMs);
        if (conflict) {
          // Jump to the first grid start whose blocked range begins at or after the conflict's end.
          step = Math.max(step + 1, Math.ceil((conflict.end + beforeMs - blockStart) / stepMs));
          continue;
        }
        step++;
        if (roomPicker && roomPicker({ start, end }) === null) continue;
        slots.push({ start, end, therapistId: schedule.therapistId, locationId: schedule.locationId });
      }
    }
  }

  slots.sort(compareSlots);
  // Overlapping blocks on one day can offer the same start twice.
  return slots.filter((slot, i) => i === 0 || slot.start !== slots[i - 1]!.start);
}

function groupBlocksByWeekday(blocks: readonly WeeklyBlock[], mode: SlotQuery["mode"]): Map<number, WeeklyBlock[]> {
  const byWeekday = new Map<number, WeeklyBlock[]>();
  for (const block of blocks) {
    if (!block.visitModes.includes(mode) || block.endMinute <= block.startMinute) continue;
    const list = byWeekday.get(block.weekday);
    if (list) list.push(block);
    else byWeekday.set(block.weekday, [block]);
  }
  return byWeekday;
}

function assertValidQuery(query: SlotQuery): void {
  const positive = { durationMinutes: query.durationMinutes, stepMinutes: query.stepMinutes ?? DEFAULT_STEP_MINUTES };
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  }
  const nonNegative = {
    bufferBeforeMinutes: query.bufferBeforeMinutes,
    bufferAfterMinutes: query.bufferAfterMinutes,
    travelMinutes: query.travelMinutes,
    minNoticeMinutes: query.minNoticeMinutes,
    horizonDays: query.horizonDays,
  };
  for (const [name, value] of Object.entries(nonNegative)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be zero or more, got ${value}`);
  }
  if (!Number.isFinite(query.now)) throw new RangeError(`now must be an instant, got ${query.now}`);
  for (const date of [query.from, query.to]) {
    if (!isLocalDate(date)) throw new RangeError(`Invalid local date "${date}", expected YYYY-MM-DD`);
  }
}
