// Local dates and wall-clock times in an explicit IANA zone, converted to and
// from epoch-millisecond instants. Nothing here reads the process time zone:
// calendar arithmetic runs on UTC-based numbers and zone offsets come from
// luxon's IANAZone, which asks Intl for the named zone.

import { IANAZone } from "luxon";
import type { Interval } from "./types";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Converts a wall-clock minute of one local date into an instant. */
export type WallClock = (minuteOfDay: number) => number;

/** True for a real calendar date written YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  return parseLocalDate(value) !== null;
}

/** The dates from `from` to `to`, both inclusive; empty when `to` is before `from`. */
export function localDateRange(from: string, to: string): string[] {
  const first = requireLocalDate(from);
  const last = requireLocalDate(to);
  const dates: string[] = [];
  for (let day = first; day <= last; day += DAY_MS) dates.push(formatUtcDate(day));
  return dates;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(requireLocalDate(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The local date (YYYY-MM-DD) an instant falls on in `zone`. */
export function localDateOf(instant: number, zone: string): string {
  if (!Number.isFinite(instant)) throw new RangeError(`Invalid instant ${instant}`);
  // The engine asks this per schedule and per day: the cached offset spares an Intl look-up each time.
  const wall = instant + offsetMinutesAt(instant, zone) * MINUTE_MS;
  return formatUtcDate(Math.floor(wall / DAY_MS) * DAY_MS);
}

/** Local midnight to the next local midnight of `date`, as instants. */
export function zonedDayBounds(date: string, zone: string): Interval {
  const clock = wallClockForDate(date, zone);
  return { start: clock(0), end: clock(MINUTES_PER_DAY) };
}

/** The instant at which the wall clock in `zone` shows `minuteOfDay` (0–1440) on `date`. */
export function wallTimeToInstant(date: string, minuteOfDay: number, zone: string): number {
  return wallClockForDate(date, zone)(minuteOfDay);
}

/**
 * A converter for the wall-clock minutes of one date, so callers that place
 * many times on the same date pay for the zone look-ups once.
 *
 * A wall time that happens twice (fall-back) resolves to its first
 * occurrence; one that never happens (spring-forward gap) resolves to the
 * first real instant after the gap, i.e. the transition itself.
 */
export function wallClockForDate(date: string, zone: string): WallClock {
  const key = `${zone}\n${date}`;
  const cached = clockCache.get(key);
  if (cached) return cached;
  const clock = buildWallClock(date, zone);
  if (clockCache.size >= CLOCK_CACHE_LIMIT) clockCache.clear();
  clockCache.set(key, clock);
  return clock;
}

// Zone look-ups go through Intl and dominate the engine's cost; a date's
// clock never changes while the process runs, so every therapist and request
// in the same zone shares it. Bounded so odd inputs cannot grow it forever.
const CLOCK_CACHE_LIMIT = 4096;
const clockCache = new Map<string, WallClock>();

function buildWallClock(date: string, zone: string): WallClock {
  const midnight = requireLocalDate(date);
  const z = requireZone(zone);
  // Every instant whose wall time lies on this date is within 14 h of it, so
  // equal offsets a day either side mean no transition can touch the date.
  const offsetBefore = z.offset(midnight - DAY_MS) * MINUTE_MS;
  const offsetAfter = z.offset(midnight + 2 * DAY_MS) * MINUTE_MS;
  if (offsetBefore === offsetAfter) {
    return (minuteOfDay) => midnight + requireMinute(minuteOfDay) * MINUTE_MS - offsetBefore;
  }
  const resolved = new Map<number, number>();
  return (minuteOfDay) => {
    let instant = resolved.get(requireMinute(minuteOfDay));
    if (instant === undefined) {
      instant = resolveWallTime(midnight + minuteOfDay * MINUTE_MS, z);
      resolved.set(minuteOfDay, instant);
    }
    return instant;
  };
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-11-23T09:00:00-06:00 (milliseconds dropped). */
export function formatInstantWithOffset(instant: number, zone: string): string {
  if (!Number.isFinite(instant)) throw new RangeError(`Invalid instant ${instant}`);
  const offset = offsetMinutesAt(instant, zone);
  // Plain arithmetic rather than a Date per call: a week's board formats a
  // thousand instants per request.
  const wallSeconds = Math.floor(instant / 1000) + offset * 60;
  const day = Math.floor(wallSeconds / 86_400);
  const secondOfDay = wallSeconds - day * 86_400;
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return (
    `${dateOfDay(day)}T${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor(secondOfDay / 60) % 60)}:${pad(secondOfDay % 60)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

const DATE_CACHE_LIMIT = 4096;
const dateCache = new Map<number, string>();

/** YYYY-MM-DD of a day counted from 1970-01-01, cached: a request formats few distinct days. */
function dateOfDay(day: number): string {
  const cached = dateCache.get(day);
  if (cached !== undefined) return cached;
  const text = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (dateCache.size >= DATE_CACHE_LIMIT) dateCache.clear();
  dateCache.set(day, text);
  return text;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// Formatting hundreds of slots per answer made the Intl offset look-up the
// hottest code in the API. Offsets change only at transitions, which fall on
// quarter-hour instants, so one look-up serves a whole quarter hour; a
// quarter whose two ends disagree is never cached and is asked per instant.
const QUARTER_MS = 15 * MINUTE_MS;
const OFFSET_CACHE_LIMIT = 65_536;
const offsetCache = new Map<string, number>();

function offsetMinutesAt(instant: number, zone: string): number {
  const quarter = Math.floor(instant / QUARTER_MS) * QUARTER_MS;
  const key = `${zone}\n${quarter}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const z = requireZone(zone);
  const atStart = z.offset(quarter);
  if (z.offset(quarter + QUARTER_MS - 1) !== atStart) return z.offset(instant);
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(key, atStart);
  return atStart;
}

/** `wall` is the wall-clock reading encoded as if it were a UTC instant. */
function resolveWallTime(wall: number, zone: IANAZone): number {
  const offsetBefore = zone.offset(wall - DAY_MS) * MINUTE_MS;
  const offsetAfter = zone.offset(wall + DAY_MS) * MINUTE_MS;
  const withBefore = wall - offsetBefore;
  const withAfter = wall - offsetAfter;
  const beforeHolds = zone.offset(withBefore) * MINUTE_MS === offsetBefore;
  const afterHolds = zone.offset(withAfter) * MINUTE_MS === offsetAfter;
  // Fall-back: both readings exist; the earlier one is the first time the clock shows it.
  if (beforeHolds && afterHolds) return Math.min(withBefore, withAfter);
  if (beforeHolds) return withBefore;
  if (afterHolds) return withAfter;
  // Spring-forward gap: neither reading exists. The transition lies between
  // the two candidates; bisect to the first instant on the new offset.
  let lo = Math.min(withBefore, withAfter);
  let hi = Math.max(withBefore, withAfter);
  const offsetAtLo = zone.offset(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === offsetAtLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

function requireZone(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Unknown IANA time zone "${name}"`);
  return zone;
}

function requireMinute(minuteOfDay: number): number {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > MINUTES_PER_DAY) {
    throw new RangeError(`Minute of day must be an integer from 0 to 1440, got ${minuteOfDay}`);
  }
  return minuteOfDay;
}

function requireLocalDate(date: string): number {
  const midnight = parseLocalDate(date);
  if (midnight === null) throw new RangeError(`Invalid local date "${date}", expected YYYY-MM-DD`);
  return midnight;
}

/** The date's midnight as if it were UTC, or null when it is not a real date. */
function parseLocalDate(date: string): number | null {
  const match = LOCAL_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.getTime();
}

function formatUtcDate(midnight: number): string {
  const d = new Date(midnight);
  const year = String(d.getUTCFullYear()).padStart(4, "0");
  const month = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${day}`;
}
