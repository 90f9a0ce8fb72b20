// "Any therapist" search: one slot per start time, assigned to a therapist who
// speaks the patient's language when one is free then, and otherwise to the
// one least booked that day so work spreads evenly.

import { findOpenSlots } from "./find-open-slots";
import { compareIds, compareSlots } from "./slot-order";
import type { Interval, Slot, SlotQuery, TherapistSchedule } from "./types";
import { localDateOf, zonedDayBounds } from "./zone-time";

interface Choice {
  slot: Slot;
  /** Whether the therapist speaks the patient's language (always true when none is asked for). */
  speaks: boolean;
  /** Busy intervals the therapist has on the slot's local day. */
  dayLoad: number;
}

function better(a: Choice, b: Choice): boolean {
  if (a.speaks !== b.speaks) return a.speaks;
  if (a.dayLoad !== b.dayLoad) return a.dayLoad < b.dayLoad;
  return compareIds(a.slot.therapistId, b.slot.therapistId) < 0;
}

/**
 * One slot per distinct start instant and location. Among therapists free
 * then, one who speaks `query.language` wins; then the one with the fewest
 * busy intervals on that local day, ties by therapistId. The language only
 * chooses among therapists free at the same instant, so it never offers a
 * patient a later time than they would otherwise get. Sorted by start, then
 * therapistId. `query.rooms` is applied to every schedule, so call once per
 * location when CLINIC rooms matter.
 */
export function findFirstAvailable(schedules: readonly TherapistSchedule[], query: SlotQuery): Slot[] {
  const picks = new Map<string, Choice>();
  for (const schedule of schedules) {
    const dayLoadOf = dayLoadCounter(schedule);
    const speaks = !query.language || (schedule.languages ?? []).includes(query.language);
    for (const slot of findOpenSlots(schedule, query)) {
      const choice = { slot, speaks, dayLoad: dayLoadOf(slot.start) };
      const key = `${slot.locationId}\u0000${slot.start}`;
      const current = picks.get(key);
      if (!current || better(choice, current)) picks.set(key, choice);
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
