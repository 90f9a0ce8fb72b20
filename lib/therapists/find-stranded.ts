// Which booked visits a change to a therapist's settings would strand: a
// deactivated therapist strands all of them; a location, a visit mode or a
// service taken away strands the visits that rely on it. Weekly hours are not
// looked at here: the schedules page owns those.

import type { VisitMode } from "../scheduling/types";
import type { TherapistStrandReason } from "../schedules/types";

export interface TherapistOffer {
  active: boolean;
  visitModes: readonly VisitMode[];
  locationIds: readonly string[];
  serviceIds: readonly string[];
}

export interface UpcomingVisit {
  id: string;
  locationId: string;
  serviceId: string;
  mode: VisitMode;
  start: number;
}

/** Each visit the change leaves without its therapist, with the first reason that applies, soonest first. */
export function findTherapistStranded<V extends UpcomingVisit>(visits: readonly V[], after: TherapistOffer): { visit: V; reason: TherapistStrandReason }[] {
  const stranded: { visit: V; reason: TherapistStrandReason }[] = [];
  for (const visit of visits) {
    const reason = strandReason(visit, after);
    if (reason) stranded.push({ visit, reason });
  }
  return stranded.sort((a, b) => a.visit.start - b.visit.start);
}

function strandReason(visit: UpcomingVisit, after: TherapistOffer): TherapistStrandReason | null {
  if (!after.active) return "therapist-inactive";
  if (!after.locationIds.includes(visit.locationId)) return "location-removed";
  if (!after.visitModes.includes(visit.mode)) return "mode-removed";
  if (!after.serviceIds.includes(visit.serviceId)) return "service-removed";
  return null;
}
