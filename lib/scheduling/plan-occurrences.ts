// Every visit of a plan of care, proposed at once from availability loaded
// once for the whole plan: the plan's therapist at the first free time inside
// the preferred window on the preferred days, and for each day where that
// fails, the best alternatives. A peer that checks only the first occurrences
// of a series books the rest into conflicts; here every one is checked.

import { findOpenSlots } from "./find-open-slots";
import { compareIds } from "./slot-order";
import type { Interval, Slot, SlotQuery, TherapistSchedule } from "./types";
import { isoWeekday, localDateOf, localDateRange, wallClockForDate } from "./zone-time";

const DAY_MS = 86_400_000;
const ALTERNATIVES_PER_KIND = 3;

export interface PlanPattern {
  therapistId: string;
  visitsPerWeek: number;
  weeks: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  preferredWeekdays: readonly number[];
  /** Minutes after local midnight; a visit must start and end inside [start, end). */
  windowStartMinute: number;
  windowEndMinute: number;
  /** The first local date of the first week (YYYY-MM-DD). */
  startsOn: string;
}

export interface PlanAvailability {
  /** The location's zone. */
  timeZone: string;
  /** Every therapist at the location offering the service in the mode, the plan's own among them. */
  schedules: readonly TherapistSchedule[];
  /** The service's query at the location (rooms included); from and to are set here. */
  query: Omit<SlotQuery, "from" | "to">;
  /** The patient's language: other therapists are offered only if they speak it. */
  language?: string;
  /** The patient's visits already booked: the same patient is never in two places at once. */
  patientBusy: readonly Interval[];
}

/** Why the preferred day has no time inside the window with the plan's therapist. */
export type ConflictReason = "time-off" | "outside-hours" | "taken";

export type AlternativeKind = "same-day" | "same-week" | "other-therapist";

export interface PlanAlternative {
  kind: AlternativeKind;
  slot: Slot;
}

export interface PlanOccurrence {
  /** 0-based position in the series, in date order. */
  index: number;
  /** 0-based week of the plan. */
  week: number;
  /** The preferred local date this occurrence was meant for. */
  date: string;
  /** The proposed time, or null when the preferred day has none (a conflict). */
  slot: Slot | null;
  conflict: ConflictReason | null;
  /** Only for conflicts: another time that day, another day that week, another therapist. */
  alternatives: PlanAlternative[];
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last local date a plan can reach. */
export function planLastDate(pattern: Pick<PlanPattern, "startsOn" | "weeks">): string {
  return addDays(pattern.startsOn, pattern.weeks * 7 - 1);
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/**
 * Proposes every occurrence of the plan. Each week (counted from startsOn)
 * takes visitsPerWeek of its preferred days, in date order, preferring days
 * with a free time inside the window; a week short of such days gets
 * conflicts on its remaining preferred days. No two occurrences share a
 * local day, and no alternative falls on another occurrence's day, so
 * accepting any one alternative per conflict never books the patient twice
 * at once.
 */
export function proposePlanOccurrences(pattern: PlanPattern, availability: PlanAvailability): PlanOccurrence[] {
  const engine = planEngine(pattern, availability);
  const preferred = new Set(pattern.preferredWeekdays);
  const planned: { week: number; date: string; slot: Slot | null }[] = [];
  for (let week = 0; week < pattern.weeks; week++) {
    const days = weekDates(pattern, week).filter((d) => preferred.has(isoWeekday(d)));
    const free = days.filter((d) => engine.firstInWindow(d) !== null).slice(0, pattern.visitsPerWeek);
    const short = days.filter((d) => !free.includes(d)).slice(0, pattern.visitsPerWeek - free.length);
    for (const date of [...free, ...short].sort()) planned.push({ week, date, slot: engine.firstInWindow(date) });
  }
  const occupiedDays = new Set(planned.map((p) => p.date));
  return planned.map((p, index) => {
    if (p.slot) return { index, week: p.week, date: p.date, slot: p.slot, conflict: null, alternatives: [] };
    return { index, week: p.week, date: p.date, slot: null, ...engine.alternativesFor(p.date, p.week, occupiedDays) };
  });
}

/**
 * For one visit of a series whose time is gone (taken between proposing and
 * booking): why, and its alternatives, kept off the days of the series'
 * other visits. `availability.patientBusy` should hold those visits too.
 */
export function alternativesForOccurrence(
  pattern: PlanPattern,
  availability: PlanAvailability,
  date: string,
  occupiedDays: ReadonlySet<string>,
): { conflict: ConflictReason; alternatives: PlanAlternative[] } {
  const week = Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${pattern.startsOn}T00:00:00Z`)) / (7 * DAY_MS));
  return planEngine(pattern, availability).alternativesFor(date, week, occupiedDays);
}

function weekDates(pattern: PlanPattern, week: number): string[] {
  return localDateRange(addDays(pattern.startsOn, week * 7), addDays(pattern.startsOn, week * 7 + 6));
}

/** The plan therapist's open times over the whole plan, computed once, and what the proposal asks of them. */
function planEngine(pattern: PlanPattern, availability: PlanAvailability) {
  const zone = availability.timeZone;
  const own = availability.schedules.find((s) => s.therapistId === pattern.therapistId);
  const freeOfPatient = (slot: Slot) => !availability.patientBusy.some((b) => overlaps(b, slot));
  const ownByDate = new Map<string, Slot[]>();
  if (own) {
    for (const slot of findOpenSlots(own, { ...availability.query, from: pattern.startsOn, to: planLastDate(pattern) })) {
      if (!freeOfPatient(slot)) continue;
      const date = localDateOf(slot.start, zone);
      const list = ownByDate.get(date);
      if (list) list.push(slot);
      else ownByDate.set(date, [slot]);
    }
  }
  const windowOf = (date: string): Interval => {
    const clock = wallClockForDate(date, zone);
    return { start: clock(pattern.windowStartMinute), end: clock(pattern.windowEndMinute) };
  };
  const firstInWindow = (date: string) => {
    const window = windowOf(date);
    return (ownByDate.get(date) ?? []).find((slot) => slot.start >= window.start && slot.end <= window.end) ?? null;
  };
  const alternativesFor = (date: string, week: number, occupiedDays: ReadonlySet<string>) => ({
    conflict: conflictReason(own, date, windowOf(date), availability.query.mode),
    alternatives: [
      ...sameDay(ownByDate.get(date) ?? [], windowOf(date)),
      ...sameWeek(weekDates(pattern, week), occupiedDays, ownByDate, windowOf),
      ...otherTherapists(pattern, availability, date, windowOf(date), freeOfPatient),
    ],
  });
  return { firstInWindow, alternativesFor };
}

function conflictReason(own: TherapistSchedule | undefined, date: string, window: Interval, mode: SlotQuery["mode"]): ConflictReason {
  if (own?.timeOff.some((off) => overlaps(off, window))) return "time-off";
  const weekday = isoWeekday(date);
  const works = own?.weeklyHours.some(
    (b) =>
      b.weekday === weekday &&
      b.visitModes.includes(mode) &&
      (!b.validFrom || date >= b.validFrom) &&
      (!b.validUntil || date <= b.validUntil),
  );
  return works ? "taken" : "outside-hours";
}

/** The plan's therapist, the same day, nearest the window first. */
function sameDay(slots: readonly Slot[], window: Interval): PlanAlternative[] {
  const distance = (s: Slot) => (s.end <= window.start ? window.start - s.end : Math.max(0, s.start - window.end));
  return [...slots]
    .sort((a, b) => distance(a) - distance(b) || a.start - b.start)
    .slice(0, ALTERNATIVES_PER_KIND)
    .map((slot) => ({ kind: "same-day" as const, slot }));
}

/** The plan's therapist, another free day of the same week: one time per day, days with a time inside the window first. */
function sameWeek(
  dates: readonly string[],
  occupiedDays: ReadonlySet<string>,
  ownByDate: ReadonlyMap<string, Slot[]>,
  windowOf: (date: string) => Interval,
): PlanAlternative[] {
  const picks: { slot: Slot; fits: boolean }[] = [];
  for (const date of dates) {
    if (occupiedDays.has(date)) continue;
    const slots = ownByDate.get(date);
    if (!slots?.length) continue;
    const window = windowOf(date);
    const fitting = slots.find((s) => s.start >= window.start && s.end <= window.end);
    picks.push({ slot: fitting ?? sameDay(slots, window)[0]!.slot, fits: fitting !== undefined });
  }
  return picks
    .sort((a, b) => Number(b.fits) - Number(a.fits) || a.slot.start - b.slot.start)
    .slice(0, ALTERNATIVES_PER_KIND)
    .map(({ slot }) => ({ kind: "same-week" as const, slot }));
}

/** Another therapist at the location who speaks the patient's language, the same day inside the window. */
function otherTherapists(
  pattern: PlanPattern,
  availability: PlanAvailability,
  date: string,
  window: Interval,
  freeOfPatient: (slot: Slot) => boolean,
): PlanAlternative[] {
  const picks: Slot[] = [];
  for (const schedule of availability.schedules) {
    if (schedule.therapistId === pattern.therapistId) continue;
    if (availability.language && !(schedule.languages ?? []).includes(availability.language)) continue;
    // Only the day's neighbourhood matters: the whole plan's busy time would be merged again for every conflict.
    const near = (i: Interval) => i.end > window.start - DAY_MS && i.start < window.end + DAY_MS;
    const daySchedule = { ...schedule, busy: schedule.busy.filter(near), timeOff: schedule.timeOff.filter(near) };
    const slot = findOpenSlots(daySchedule, { ...availability.query, from: date, to: date }).find(
      (s) => s.start >= window.start && s.end <= window.end && freeOfPatient(s),
    );
    if (slot) picks.push(slot);
  }
  return picks
    .sort((a, b) => a.start - b.start || compareIds(a.therapistId, b.therapistId))
    .slice(0, ALTERNATIVES_PER_KIND)
    .map((slot) => ({ kind: "other-therapist" as const, slot }));
}
