// Sorts a therapist's visits into today and tomorrow, each read in its
// location's zone. One zone: one agenda, the zone named once. Locations in
// different zones: one agenda per location, since "today" differs between them.

import type { AppointmentStatus } from "../db/generated/enums";
import { agendaDayOf, agendaDays, type AgendaDay } from "./agenda-days";

export interface AgendaLocation {
  id: string;
  name: string;
  timeZone: string;
}

export interface PlacedVisit {
  locationId: string;
  startsAt: Date;
  status: AppointmentStatus;
}

export interface AgendaDayWith<V> extends AgendaDay {
  /** In time order; cancelled visits last, so the day's real work reads first. */
  visits: V[];
}

export interface AgendaGroup<V> {
  /** Set only when the agenda is split per location. */
  location: { id: string; name: string } | null;
  zone: string;
  days: AgendaDayWith<V>[];
}

function byTimeCancelledLast(a: PlacedVisit, b: PlacedVisit): number {
  const cancelled = Number(a.status === "CANCELLED") - Number(b.status === "CANCELLED");
  return cancelled !== 0 ? cancelled : a.startsAt.getTime() - b.startsAt.getTime();
}

function fillDays<V extends PlacedVisit>(now: number, zone: string, visits: readonly V[]): AgendaDayWith<V>[] {
  const days = agendaDays(now, zone).map((day) => ({ ...day, visits: [] as V[] }));
  for (const visit of visits) agendaDayOf(visit.startsAt.getTime(), days)?.visits.push(visit);
  for (const day of days) day.visits.sort(byTimeCancelledLast);
  return days;
}

/**
 * `locations` are every location the therapist works at or has a visit at;
 * visits outside today and tomorrow (in their location's zone) are left out.
 */
export function groupAgenda<V extends PlacedVisit>(now: number, locations: readonly AgendaLocation[], visits: readonly V[]): AgendaGroup<V>[] {
  const zones = [...new Set(locations.map((l) => l.timeZone))];
  if (zones.length === 0) return [];
  if (zones.length === 1) return [{ location: null, zone: zones[0]!, days: fillDays(now, zones[0]!, visits) }];
  return [...locations]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((l) => ({
      location: { id: l.id, name: l.name },
      zone: l.timeZone,
      days: fillDays(now, l.timeZone, visits.filter((v) => v.locationId === l.id)),
    }));
}
