// Every therapist's open slots in one list, e.g. for a "choose your therapist" view.

import { findOpenSlots } from "./find-open-slots";
import { compareSlots } from "./slot-order";
import type { Slot, SlotQuery, TherapistSchedule } from "./types";

/**
 * All open slots of all `schedules`, sorted by start, then therapistId.
 * `query.rooms` is applied to every schedule, so call once per location when
 * CLINIC rooms matter.
 */
export function findAllSlots(schedules: readonly TherapistSchedule[], query: SlotQuery): Slot[] {
  return schedules.flatMap((schedule) => findOpenSlots(schedule, query)).sort(compareSlots);
}
