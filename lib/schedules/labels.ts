// The visit modes, and the English words of the schedule rules' refusal
// messages (server errors). Pages read their day and mode names from the
// translation catalogue instead.

import type { VisitMode } from "../scheduling/types";

/** Index 0 is ISO weekday 1 (Monday). */
const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday - 1] ?? `Day ${isoWeekday}`;
}

export const VISIT_MODES = ["CLINIC", "HOME", "VIDEO"] as const satisfies readonly VisitMode[];

/** "in-clinic, home or video visits" style lists for sentences. */
export function describeModes(modes: readonly VisitMode[]): string {
  const words = modes.map((mode) => ({ CLINIC: "in-clinic", HOME: "home", VIDEO: "video" })[mode]);
  if (words.length <= 1) return `${words.join("")} visits`;
  return `${words.slice(0, -1).join(", ")} or ${words.at(-1)} visits`;
}
