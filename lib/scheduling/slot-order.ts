// The one ordering every slot list uses, so results are deterministic.

import type { Slot } from "./types";

/** Code-unit order, independent of the process locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By start, then therapistId, then locationId. */
export function compareSlots(a: Slot, b: Slot): number {
  return a.start - b.start || compareIds(a.therapistId, b.therapistId) || compareIds(a.locationId, b.locationId);
}
