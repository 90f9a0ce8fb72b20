import type { LocationDto, TherapistDto } from "./api-types";

// The booking form narrows the catalog for a video visit in the browser; the
// API's availability check still has the final word on every booking.

/** Therapists who see patients by video for this service, from any open location: the patient does not travel. */
export function videoTherapistsFor(locations: LocationDto[], therapists: TherapistDto[], serviceId: string): TherapistDto[] {
  const open = new Set(locations.map((location) => location.id));
  return therapists.filter(
    (therapist) =>
      therapist.serviceIds.includes(serviceId) &&
      therapist.visitModes.includes("VIDEO") &&
      therapist.locationIds.some((id) => open.has(id)),
  );
}

/**
 * The zone a video search will most likely answer in, to read "today" before
 * the answer comes: that of the first location (by name, as the API orders
 * them) where the chosen therapist, or any video therapist, works. The
 * picker then shows the zone the API names.
 */
export function videoSearchZone(locations: LocationDto[], therapists: TherapistDto[], choice: { serviceId: string; therapistId: string | null }): string {
  const working = new Set(
    videoTherapistsFor(locations, therapists, choice.serviceId)
      .filter((therapist) => choice.therapistId === null || therapist.id === choice.therapistId)
      .flatMap((therapist) => therapist.locationIds),
  );
  const sorted = [...locations].sort((a, b) => a.name.localeCompare(b.name));
  return (sorted.find((location) => working.has(location.id)) ?? sorted[0])?.timeZone ?? "UTC";
}
