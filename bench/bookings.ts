// The write-side phases: many bookings of distinct free slots, and many
// patients racing for one slot.

import { DateTime } from "luxon";
import type { AvailabilityDto, SlotDto } from "../lib/booking/api-types";
import { blockedRangeFor } from "../lib/scheduling/blocked-range";
import { runLoad, type LoadResult } from "./load";
import { SERVICES, THERAPY_SESSION_SLUG } from "./practice";
import type { SeededLocation, SeededTherapist } from "./seed";
import { countErrorCodes, summarisePhase, type PhaseResult } from "./stats";

const JSON_HEADERS = { "content-type": "application/json" };
const REQUEST_TIMEOUT_MS = 60_000;
const THERAPY = SERVICES.find((s) => s.slug === THERAPY_SESSION_SLUG)!;

export interface BookingTarget {
  /** As the API offered it, with the location's offset. */
  start: string;
  therapistId: string;
  locationId: string;
}

interface PatientInput {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: string;
}

/** A local date `days` after today in `zone`, as the API reads dates. */
export function localDay(zone: string, days: number, now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(zone).startOf("day").plus({ days }).toISODate()!;
}

export async function getAvailability(baseUrl: string, params: Record<string, string>): Promise<AvailabilityDto> {
  const url = `${baseUrl}/api/availability?${new URLSearchParams(params)}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as AvailabilityDto;
}

// Distinct email per request: patients are found by (email, birth date, first name).
export function patientFor(tag: string, i: number): PatientInput {
  return {
    firstName: "Bench",
    lastName: `Patient ${i}`,
    email: `bench.${tag}.${i}@example.com`,
    phone: "+1 303-555-0199",
    dateOfBirth: "1988-04-12",
  };
}

export function bookingBody(serviceId: string, target: BookingTarget, patient: PatientInput): string {
  return JSON.stringify({
    service: serviceId,
    start: target.start,
    mode: "CLINIC",
    locationId: target.locationId,
    therapistId: target.therapistId,
    patient,
    reason: "Knee pain when running",
    language: "en",
  });
}

/** A therapist's slots that can all be booked together: each starts after the previous one's blocked time. */
function nonOverlapping(slots: SlotDto[]): SlotDto[] {
  const chosen: SlotDto[] = [];
  let freeFrom = -Infinity;
  for (const slot of [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const range = blockedRangeFor(Date.parse(slot.start), { ...THERAPY, mode: "CLINIC", travelMinutes: 0 });
    if (range.blockedFrom < freeFrom) continue;
    chosen.push(slot);
    freeFrom = range.blockedUntil;
  }
  return chosen;
}

/**
 * Deals slots round-robin across (location, local date) buckets. Concurrent
 * requests then seldom share a location and time, where they would compete
 * for the same room rather than measure booking throughput.
 */
function interleave(slots: SlotDto[]): BookingTarget[] {
  const buckets = new Map<string, SlotDto[]>();
  for (const slot of slots) {
    const key = `${slot.locationId} ${slot.start.slice(0, 10)}`;
    const list = buckets.get(key);
    if (list) list.push(slot);
    else buckets.set(key, [slot]);
  }
  const queues = [...buckets.values()];
  const dealt: BookingTarget[] = [];
  for (let round = 0; dealt.length < slots.length; round++) {
    for (const queue of queues) {
      const slot = queue[round];
      if (slot) dealt.push({ start: slot.start, therapistId: slot.therapistId, locationId: slot.locationId });
    }
  }
  return dealt;
}

/** Free therapy-session slots on days fromDay–toDay, one availability call per therapist. */
export async function collectBookableSlots(
  baseUrl: string,
  serviceId: string,
  locations: SeededLocation[],
  therapists: SeededTherapist[],
  window: { fromDay: number; toDay: number },
): Promise<BookingTarget[]> {
  const all: SlotDto[] = [];
  for (const therapist of therapists) {
    const zone = locations.find((l) => l.id === therapist.locationId)!.timeZone;
    const { slots } = await getAvailability(baseUrl, {
      service: serviceId,
      from: localDay(zone, window.fromDay),
      to: localDay(zone, window.toDay),
      location: therapist.locationId,
      therapist: therapist.id,
    });
    all.push(...nonOverlapping(slots));
  }
  return interleave(all);
}

export interface BookingPhaseResult extends LoadResult {
  errorCodes: Record<string, number>;
  slotsPrepared: number;
}

export async function runBookingPhase(
  baseUrl: string,
  serviceId: string,
  targets: BookingTarget[],
  options: { amount: number; connections: number; maxSeconds: number },
): Promise<BookingPhaseResult> {
  let next = 0;
  const bodies: string[] = [];
  const result = await runLoad({
    url: `${baseUrl}/api/bookings`,
    method: "POST",
    headers: JSON_HEADERS,
    connections: options.connections,
    amount: options.amount,
    maxSeconds: options.maxSeconds,
    // autocannon builds one request more per connection than it sends, so
    // `targets` carries slack; reusing the last one only happens if it runs out.
    nextBody: () => {
      const i = next++;
      return bookingBody(serviceId, targets[Math.min(i, targets.length - 1)]!, patientFor("load", i));
    },
    onBody: (status, body) => {
      if (status !== 201) bodies.push(body);
    },
  });
  return { ...result, errorCodes: countErrorCodes(bodies), slotsPrepared: targets.length };
}

/** A few real bookings, so the write path's modules and queries are warm before measuring. */
export async function warmBookings(baseUrl: string, serviceId: string, targets: BookingTarget[]): Promise<number[]> {
  const codes: number[] = [];
  for (const [i, target] of targets.entries()) {
    codes.push((await post(`${baseUrl}/api/bookings`, bookingBody(serviceId, target, patientFor("warm", i)))).status);
  }
  return codes;
}

export interface Posted {
  status: number;
  ms: number;
  body: string;
}

export async function post(url: string, body: string): Promise<Posted> {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: "POST", headers: JSON_HEADERS, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, body: text };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, body: JSON.stringify({ error: { code: `NO_RESPONSE: ${(error as Error).name}` } }) };
  }
}

export interface RaceResult extends PhaseResult {
  target: BookingTarget;
  errorCodes: Record<string, number>;
}

/** `count` patients ask for the same slot at the same moment. */
export async function runRace(baseUrl: string, serviceId: string, target: BookingTarget, count: number): Promise<RaceResult> {
  const bodies = Array.from({ length: count }, (_, i) => bookingBody(serviceId, target, patientFor("race", i)));
  const started = performance.now();
  const answers = await Promise.all(bodies.map((body) => post(`${baseUrl}/api/bookings`, body)));
  const elapsed = performance.now() - started;
  return {
    ...summarisePhase(
      answers.map((a) => a.ms),
      answers.map((a) => a.status),
      elapsed,
    ),
    target,
    errorCodes: countErrorCodes(answers.filter((a) => a.status !== 201).map((a) => a.body)),
  };
}
