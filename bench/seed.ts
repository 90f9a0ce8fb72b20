// Seeds the benchmark practice with bulk inserts: a schedule that is full in
// the coming days and thins out towards the booking horizon, as real
// calendars do, plus a fourth location whose twelve therapists have a full
// current week for the staff calendar phases. Every visit is placed on the
// engine's 15-minute grid inside working hours, so the exclusion constraints
// accept all of it; an insert failure means this generator is wrong and
// stops the run.

import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { createManageToken, hashManageToken } from "../lib/booking/manage-token";
import type { PrismaClient } from "../lib/db/generated/client";
import { blockedRangeFor, type BlockedRange } from "../lib/scheduling/blocked-range";
import type { Interval } from "../lib/scheduling/types";
import {
  BUSY_LOCATION,
  BUSY_THERAPIST_COUNT,
  BUSY_WEEK_VISITS,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  ROOMS,
  SEED_WEIGHTS,
  SERVICES,
  THERAPIST_PATTERNS,
  THERAPY_SESSION_SLUG,
  type LocationSpec,
  type RoomSpec,
  type ServiceSpec,
  type ShiftSpec,
  type TherapistPattern,
} from "./practice";
import { createRandom, type Random } from "./random";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const STEP_MS = 15 * MINUTE_MS;
const SEED_DAYS = 60;
const PATIENT_COUNT = 2000;
const TARGET_APPOINTMENTS = 3000;
const RANDOM_SEED = 20261122;
const INSERT_CHUNK = 500;
/** Index of the busy location in every per-location id list. */
const BUSY = LOCATIONS.length;

export interface SeededLocation {
  id: string;
  slug: string;
  timeZone: string;
}

export interface SeededTherapist {
  id: string;
  locationId: string;
}

export interface SeedReport {
  ms: number;
  counts: Record<string, number>;
  /** Seeded visits per location over the days the availability phase reads. */
  visitsInFirstTwoWeeks: Record<string, number>;
}

export interface BusyWeek {
  location: SeededLocation;
  therapistIds: string[];
  /** Monday to Sunday, local dates, of the week holding the seed's "today". */
  dates: string[];
  /** The seed's "today" there: the date the week page links to (bench/week-page.ts says why). */
  today: string;
  visits: number;
}

export interface SeededPractice {
  /** The three locations the public-API phases use; the busy location is apart, in `busyWeek`. */
  locations: SeededLocation[];
  therapists: SeededTherapist[];
  serviceIds: Record<string, string>;
  busyWeek: BusyWeek;
  report: SeedReport;
}

interface PlannedVisit {
  /** Index into the per-location id lists; BUSY for the busy location. */
  location: number;
  therapist: number;
  service: number;
  range: BlockedRange;
  /** Days after today (local) the visit falls on, 1-based; the busy week also has today and earlier. */
  day: number;
}

interface BusyPlan {
  visits: PlannedVisit[];
  monday: DateTime;
  today: DateTime;
}

interface Ids {
  locations: string[];
  rooms: string[][];
  therapists: string[][];
  services: string[];
  patients: string[];
}

/** Share of a therapist's time offered as bookable that is already booked, by day. */
function fillForDay(day: number): number {
  return 0.92 - (0.55 * (day - 1)) / (SEED_DAYS - 1);
}

function blockingParams(service: ServiceSpec) {
  return { ...service, mode: "CLINIC" as const, travelMinutes: 0 };
}

function pickService(random: Random, allowed: number[]): number {
  const weight = (i: number) => SEED_WEIGHTS[SERVICES[i]!.slug] ?? 0;
  const total = allowed.reduce((sum, i) => sum + weight(i), 0);
  let roll = random() * total;
  for (const i of allowed) {
    roll -= weight(i);
    if (roll <= 0) return i;
  }
  return allowed[allowed.length - 1]!;
}

/**
 * Walks one working block on its grid, booking a visit at a grid point with
 * probability `fill` and otherwise leaving 15–30 minutes free. Returns the
 * end of the therapist's last blocked range.
 */
function fillBlock(
  block: Interval,
  fill: number,
  allowed: number[],
  blockedUntil: number,
  random: Random,
  place: (service: number, range: BlockedRange) => void,
): number {
  let last = blockedUntil;
  let start = block.start;
  while (start < block.end) {
    if (random() >= fill) {
      start += STEP_MS * (1 + Math.floor(random() * 2));
      continue;
    }
    const service = pickService(random, allowed);
    const range = blockedRangeFor(start, blockingParams(SERVICES[service]!));
    if (range.end > block.end || range.blockedFrom < last) {
      start += STEP_MS;
      continue;
    }
    place(service, range);
    last = range.blockedUntil;
    start = block.start + Math.ceil((last - block.start) / STEP_MS) * STEP_MS;
  }
  return last;
}

function shiftsOn(shifts: ShiftSpec[], weekday: number): ShiftSpec[] {
  return shifts.filter((s) => s.weekdays.includes(weekday)).sort((a, b) => a.startHour - b.startHour);
}

function planVisits(now: DateTime, fillScale: number): PlannedVisit[] {
  const random = createRandom(RANDOM_SEED);
  const visits: PlannedVisit[] = [];
  LOCATIONS.forEach((loc, location) => {
    const today = now.setZone(loc.timeZone).startOf("day");
    THERAPIST_PATTERNS.forEach((pattern, therapist) => {
      const allowed = pattern.services.map((slug) => SERVICES.findIndex((s) => s.slug === slug));
      let blockedUntil = -Infinity;
      for (let day = 1; day <= SEED_DAYS; day++) {
        const date = today.plus({ days: day });
        const fill = Math.min(0.97, fillScale * fillForDay(day));
        for (const shift of shiftsOn(pattern.shifts, date.weekday)) {
          const block = { start: date.set({ hour: shift.startHour }).toMillis(), end: date.set({ hour: shift.endHour }).toMillis() };
          blockedUntil = fillBlock(block, fill, allowed, blockedUntil, random, (service, range) =>
            visits.push({ location, therapist, service, range, day }),
          );
        }
      }
    });
  });
  return visits.sort((a, b) => a.range.start - b.range.start);
}

/** Scales the fill curve until the plan holds about TARGET_APPOINTMENTS visits. */
function calibratedPlan(now: DateTime): PlannedVisit[] {
  let low = 0.2;
  let high = 1.6;
  let best = planVisits(now, 1);
  for (let i = 0; i < 12; i++) {
    const scale = (low + high) / 2;
    const plan = planVisits(now, scale);
    if (Math.abs(plan.length - TARGET_APPOINTMENTS) < Math.abs(best.length - TARGET_APPOINTMENTS)) best = plan;
    if (plan.length < TARGET_APPOINTMENTS) low = scale;
    else high = scale;
  }
  return best;
}

/** Pattern k mod 4, less the therapy session (BUSY_LOCATION says why). */
function busyPattern(therapist: number): TherapistPattern {
  const pattern = THERAPIST_PATTERNS[therapist % THERAPIST_PATTERNS.length]!;
  return { ...pattern, services: pattern.services.filter((slug) => slug !== THERAPY_SESSION_SLUG) };
}

/**
 * The busy location's current week (Monday to Sunday around `now`), every
 * therapist's blocks filled with probability `fill`. It is the current week
 * because the calendar board only shows the week a link asks for when that
 * week holds today (bench/week-page.ts).
 */
function planBusyWeek(now: DateTime, fill: number): BusyPlan {
  const random = createRandom(RANDOM_SEED + 2);
  const local = now.setZone(BUSY_LOCATION.timeZone);
  const today = local.startOf("day");
  const monday = local.startOf("week");
  const visits: PlannedVisit[] = [];
  for (let therapist = 0; therapist < BUSY_THERAPIST_COUNT; therapist++) {
    const pattern = busyPattern(therapist);
    const allowed = pattern.services.map((slug) => SERVICES.findIndex((s) => s.slug === slug));
    let blockedUntil = -Infinity;
    for (let d = 0; d < 7; d++) {
      const date = monday.plus({ days: d });
      const day = Math.round(date.diff(today, "days").days);
      for (const shift of shiftsOn(pattern.shifts, date.weekday)) {
        const block = { start: date.set({ hour: shift.startHour }).toMillis(), end: date.set({ hour: shift.endHour }).toMillis() };
        blockedUntil = fillBlock(block, fill, allowed, blockedUntil, random, (service, range) =>
          visits.push({ location: BUSY, therapist, service, range, day }),
        );
      }
    }
  }
  return { visits, monday, today };
}

/** Scales the busy week's fill until it holds about BUSY_WEEK_VISITS visits. */
function calibratedBusyWeek(now: DateTime): BusyPlan {
  let low = 0.3;
  let high = 1;
  let best = planBusyWeek(now, high);
  for (let i = 0; i < 12; i++) {
    const fill = (low + high) / 2;
    const plan = planBusyWeek(now, fill);
    if (Math.abs(plan.visits.length - BUSY_WEEK_VISITS) < Math.abs(best.visits.length - BUSY_WEEK_VISITS)) best = plan;
    if (plan.visits.length < BUSY_WEEK_VISITS) low = fill;
    else high = fill;
  }
  return best;
}

/** A patient per visit, cycling through all of them, never one who is already in a visit then. */
function assignPatients(visits: PlannedVisit[]): number[] {
  const freeFrom = new Array<number>(PATIENT_COUNT).fill(-Infinity);
  let next = 0;
  return visits.map((visit) => {
    for (let tries = 0; tries < PATIENT_COUNT; tries++) {
      const p = (next + tries) % PATIENT_COUNT;
      if (freeFrom[p]! <= visit.range.start) {
        freeFrom[p] = visit.range.end;
        next = p + 1;
        return p;
      }
    }
    throw new Error("Not enough patients for the planned visits");
  });
}

/** Every location the seed creates, the busy one last (at index BUSY). */
const ALL_LOCATIONS: LocationSpec[] = [...LOCATIONS, BUSY_LOCATION];
const roomsAt = (l: number): RoomSpec[] => (l === BUSY ? [] : ROOMS);
const therapistsAt = (l: number): number => (l === BUSY ? BUSY_THERAPIST_COUNT : THERAPIST_PATTERNS.length);

function newIds(): Ids {
  const many = (n: number) => Array.from({ length: n }, () => randomUUID());
  return {
    locations: many(ALL_LOCATIONS.length),
    rooms: ALL_LOCATIONS.map((_, l) => many(roomsAt(l).length)),
    therapists: ALL_LOCATIONS.map((_, l) => many(therapistsAt(l))),
    services: many(SERVICES.length),
    patients: many(PATIENT_COUNT),
  };
}

async function insertPractice(prisma: PrismaClient, ids: Ids): Promise<void> {
  await prisma.location.createMany({
    data: ALL_LOCATIONS.map((l, i) => ({ ...l, id: ids.locations[i]!, phone: `+1 555-010-${String(i).padStart(4, "0")}` })),
  });
  await prisma.room.createMany({
    data: ALL_LOCATIONS.flatMap((_, l) => roomsAt(l).map((r, k) => ({ ...r, id: ids.rooms[l]![k]!, locationId: ids.locations[l]! }))),
  });
  await prisma.service.createMany({
    data: SERVICES.map((s, i) => ({ ...s, id: ids.services[i]! })),
  });
  await insertTherapists(prisma, ids);
}

async function insertTherapists(prisma: PrismaClient, ids: Ids): Promise<void> {
  const rows = ALL_LOCATIONS.flatMap((loc, l) =>
    Array.from({ length: therapistsAt(l) }, (_, t) => ({
      loc,
      l,
      t,
      pattern: l === BUSY ? busyPattern(t) : THERAPIST_PATTERNS[t]!,
      id: ids.therapists[l]![t]!,
    })),
  );
  await prisma.therapist.createMany({
    data: rows.map(({ loc, l, t, id }) => ({
      id,
      slug: `${loc.slug}-therapist-${t + 1}`,
      firstName: FIRST_NAMES[(l * 4 + t) % FIRST_NAMES.length]!,
      lastName: LAST_NAMES[(l * 7 + t * 3) % LAST_NAMES.length]!,
      credentials: t % THERAPIST_PATTERNS.length === 3 ? "PTA" : "PT, DPT",
      languages: t % 2 === 0 ? ["en", "es"] : ["en"],
      visitModes: ["CLINIC", "VIDEO"],
    })),
  });
  await prisma.therapistLocation.createMany({ data: rows.map(({ l, id }) => ({ therapistId: id, locationId: ids.locations[l]! })) });
  await prisma.therapistService.createMany({
    data: rows.flatMap(({ pattern, id }) =>
      pattern.services.map((slug) => ({ therapistId: id, serviceId: ids.services[SERVICES.findIndex((s) => s.slug === slug)]! })),
    ),
  });
  await prisma.weeklyHours.createMany({
    data: rows.flatMap(({ l, pattern, id }) =>
      pattern.shifts.flatMap((shift) =>
        shift.weekdays.map((weekday) => ({
          therapistId: id,
          locationId: ids.locations[l]!,
          weekday,
          startMinute: shift.startHour * 60,
          endMinute: shift.endHour * 60,
          visitModes: ["CLINIC", "VIDEO"] as ("CLINIC" | "VIDEO")[],
        })),
      ),
    ),
  });
}

async function insertPatients(prisma: PrismaClient, ids: Ids, random: Random): Promise<void> {
  const data = ids.patients.map((id, i) => ({
    id,
    firstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
    lastName: LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!,
    email: `seed.patient.${i}@example.com`,
    phone: `+1 303-555-${String(i).padStart(4, "0")}`,
    dateOfBirth: new Date(Date.UTC(1950, 0, 1) + Math.floor(random() * 58 * 365) * DAY_MS),
    preferredLanguage: random() < 0.25 ? ("es" as const) : ("en" as const),
  }));
  for (let i = 0; i < data.length; i += INSERT_CHUNK) await prisma.patient.createMany({ data: data.slice(i, i + INSERT_CHUNK) });
}

async function insertAppointments(prisma: PrismaClient, ids: Ids, visits: PlannedVisit[], random: Random): Promise<void> {
  const patients = assignPatients(visits);
  const data = visits.map((v, i) => ({
    patientId: ids.patients[patients[i]!]!,
    therapistId: ids.therapists[v.location]![v.therapist]!,
    serviceId: ids.services[v.service]!,
    locationId: ids.locations[v.location]!,
    // Therapist k works in room k: the seed never needs the room trigger to
    // say no. The busy location has no rooms.
    roomId: v.location === BUSY ? null : ids.rooms[v.location]![v.therapist]!,
    mode: "CLINIC" as const,
    startsAt: new Date(v.range.start),
    endsAt: new Date(v.range.end),
    blockedFrom: new Date(v.range.blockedFrom),
    blockedUntil: new Date(v.range.blockedUntil),
    // Booked even where the week is past: every run then shows the same board, whatever the weekday.
    status: "BOOKED" as const,
    source: random() < 0.6 ? ("ONLINE" as const) : ("STAFF" as const),
    language: random() < 0.25 ? ("es" as const) : ("en" as const),
    manageTokenHash: hashManageToken(createManageToken()),
    manageTokenExpiresAt: new Date(v.range.end + 30 * DAY_MS),
  }));
  for (let i = 0; i < data.length; i += INSERT_CHUNK) await prisma.appointment.createMany({ data: data.slice(i, i + INSERT_CHUNK) });
}

async function countRows(prisma: PrismaClient): Promise<Record<string, number>> {
  const [locations, rooms, therapists, services, weeklyHours, patients, appointments] = await Promise.all([
    prisma.location.count(),
    prisma.room.count(),
    prisma.therapist.count(),
    prisma.service.count(),
    prisma.weeklyHours.count(),
    prisma.patient.count(),
    prisma.appointment.count({ where: { status: "BOOKED" } }),
  ]);
  return { locations, rooms, therapists, services, weeklyHours, patients, bookedAppointments: appointments };
}

export async function seedBusyPractice(prisma: PrismaClient, now: Date = new Date()): Promise<SeededPractice> {
  const started = performance.now();
  const visits = calibratedPlan(DateTime.fromJSDate(now));
  const busy = calibratedBusyWeek(DateTime.fromJSDate(now));
  const ids = newIds();
  const random = createRandom(RANDOM_SEED + 1);
  await insertPractice(prisma, ids);
  await insertPatients(prisma, ids, random);
  // One patient pool for both, so no patient is in two places at once.
  await insertAppointments(prisma, ids, [...visits, ...busy.visits].sort((a, b) => a.range.start - b.range.start), random);
  // Fresh statistics, as a long-running database would have.
  await prisma.$executeRawUnsafe("ANALYZE");
  const ms = Math.round(performance.now() - started);

  const visitsInFirstTwoWeeks = Object.fromEntries(
    LOCATIONS.map((l, i) => [l.slug, visits.filter((v) => v.location === i && v.day <= 14).length]),
  );
  return {
    locations: LOCATIONS.map((l, i) => ({ id: ids.locations[i]!, slug: l.slug, timeZone: l.timeZone })),
    therapists: LOCATIONS.flatMap((_, l) => ids.therapists[l]!.map((id) => ({ id, locationId: ids.locations[l]! }))),
    serviceIds: Object.fromEntries(SERVICES.map((s, i) => [s.slug, ids.services[i]!])),
    busyWeek: {
      location: { id: ids.locations[BUSY]!, slug: BUSY_LOCATION.slug, timeZone: BUSY_LOCATION.timeZone },
      therapistIds: ids.therapists[BUSY]!,
      dates: Array.from({ length: 7 }, (_, d) => busy.monday.plus({ days: d }).toISODate()!),
      today: busy.today.toISODate()!,
      visits: busy.visits.length,
    },
    report: { ms, counts: await countRows(prisma), visitsInFirstTwoWeeks },
  };
}
