// "Any therapist" search: one slot per start time, assigned to the therapist
// who is least booked that day so work spreads evenly.

import { findOpenSlots } from "./find-open-slots";
import { compareIds, compareSlots } from "./slot-order";
import type { Interval, Slot, SlotQuery, TherapistSchedule } from "./types";
import { localDateOf, zonedDayBounds } from "./zone-time";

interface Choice {
  slot: Slot;
  /** Busy intervals the therapist has on the slot's local day. */
  dayLoad: number;
}

/**
 * One slot per distinct start instant and location. Among therapists free
 * then, the one with the fewest busy intervals on that local day wins, ties
 * by therapistId. Sorted by start, then therapistId. `query.rooms` is applied
 * to every schedule, so call once per location when CLINIC rooms matter.
 */
export function findFirstAvailable(schedules: readonly TherapistSchedule[], query: SlotQuery): Slot[] {
  const picks = new Map<string, Choice>();
  for (const schedule of schedules) {
    const dayLoadOf = dayLoadCounter(schedule);
    for (const slot of findOpenSlots(schedule, query)) {
      const dayLoad = dayLoadOf(slot.start);
      const key = `${slot.locationId}\u0000${slot.start}`;
      const current = picks.get(key);
      if (
        !current ||
        dayLoad < current.dayLoad ||
        (dayLoad === current.dayLoad && compareIds(slot.therapistId, current.slot.therapistId) < 0)
      ) {
        picks.set(key, { slot, dayLoad });
      }
    }
  }
  return [...picks.values()].map((p) => p.slot).sort(compareSlots);
}

/**
 * Counts busy intervals overlapping the local day of an instant. Slots arrive
 * in start order, so the current day's bounds are reused until a slot falls
 * outside them, keeping zone look-ups to one set per day.
 */
function dayLoadCounter(schedule: TherapistSchedule): (instant: number) => number {
  let day: Interval = { start: 0, end: 0 };
  let load = 0;
  return (instant) => {
    if (instant < day.start || instant >= day.end) {
      day = zonedDayBounds(localDateOf(instant, schedule.timeZone), schedule.timeZone);
      load = schedule.busy.filter((b) => b.start < day.end && b.end > day.start).length;
    }
    return load;
  };
}
