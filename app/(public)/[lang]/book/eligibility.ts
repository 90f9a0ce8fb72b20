import type { LocationDto, TherapistDto, VisitModeDto } from "@/lib/booking/api-types";

// The catalog is small, so the wizard narrows it in the browser: the API's
// availability check still has the final word on every booking.

/** The same normalisation the API applies before comparing postal codes. */
function normalizePostalCode(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, " ");
}

export function servesPostalCode(location: LocationDto, postalCode: string): boolean {
  const wanted = normalizePostalCode(postalCode);
  return location.homePostalCodes.some((code) => normalizePostalCode(code) === wanted);
}

interface VisitChoice {
  serviceId: string;
  mode: VisitModeDto;
}

export function therapistsFor(therapists: TherapistDto[], choice: VisitChoice & { locationId: string }): TherapistDto[] {
  return therapists.filter(
    (therapist) =>
      therapist.locationIds.includes(choice.locationId) &&
      therapist.serviceIds.includes(choice.serviceId) &&
      therapist.visitModes.includes(choice.mode),
  );
}

/** Locations where someone can give this visit; for home visits, only those serving the postal code. */
export function locationsFor(
  locations: LocationDto[],
  therapists: TherapistDto[],
  choice: VisitChoice & { postalCode: string },
): LocationDto[] {
  return locations.filter(
    (location) =>
      (choice.mode !== "HOME" || servesPostalCode(location, choice.postalCode)) &&
      therapistsFor(therapists, { ...choice, locationId: location.id }).length > 0,
  );
}
