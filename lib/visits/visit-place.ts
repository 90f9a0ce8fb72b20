// Where a visit happens, as the therapist needs to read it on the day.

import type { VisitMode } from "../db/generated/enums";

export type VisitPlace =
  | { mode: "CLINIC"; locationName: string; roomName: string | null }
  | { mode: "HOME"; address: string; mapUrl: string }
  | { mode: "VIDEO" };

export interface PlaceFields {
  mode: VisitMode;
  location: { name: string; region: string };
  room: { name: string } | null;
  visitAddressLine1: string | null;
  visitAddressLine2: string | null;
  visitCity: string | null;
  visitPostalCode: string | null;
}

/** A search on OpenStreetMap: no API key, and the address leaves only with the therapist's click. */
export function mapSearchUrl(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/**
 * One line a map search understands. The region comes from the location:
 * home visits are made only within its postal codes, and the booking form
 * does not ask for a state.
 */
export function formatVisitAddress(fields: PlaceFields): string {
  const town = [fields.visitCity, fields.location.region].filter(Boolean).join(", ");
  const last = [town, fields.visitPostalCode].filter(Boolean).join(" ");
  return [fields.visitAddressLine1, fields.visitAddressLine2, last]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(", ");
}

export function describeVisitPlace(fields: PlaceFields): VisitPlace {
  switch (fields.mode) {
    case "HOME": {
      const address = formatVisitAddress(fields);
      return { mode: "HOME", address, mapUrl: mapSearchUrl(address) };
    }
    case "VIDEO":
      return { mode: "VIDEO" };
    case "CLINIC":
      return { mode: "CLINIC", locationName: fields.location.name, roomName: fields.room?.name ?? null };
  }
}
