// Words the schedule screens and their messages use for days and visit modes.

import type { VisitMode } from "../scheduling/types";

/** Index 0 is ISO weekday 1 (Monday). */
export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday - 1] ?? `Day ${isoWeekday}`;
}

export const VISIT_MODES = ["CLINIC", "HOME", "VIDEO"] as const satisfies readonly VisitMode[];

export const VISIT_MODE_LABELS: Record<VisitMode, string> = {
  CLINIC: "In clinic",
  HOME: "Home visits",
  VIDEO: "Video",
};

/** "in-clinic, home or video visits" style lists for sentences. */
export function describeModes(modes: readonly VisitMode[]): string {
  const words = modes.map((mode) => ({ CLINIC: "in-clinic", HOME: "home", VIDEO: "video" })[mode]);
  if (words.length <= 1) return `${words.join("")} visits`;
  return `${words.slice(0, -1).join(", ")} or ${words.at(-1)} visits`;
}
