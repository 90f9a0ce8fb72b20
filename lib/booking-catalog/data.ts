import "server-only";
import type { LocationDto, ReasonDto, ServiceDto, TherapistDto } from "../booking/api-types";
import { listLocations, listReasons, listServices, listTherapists } from "../booking/data";
import { imageUrl } from "../images/mutations";
import { isBookingOpen } from "../setup/data";

/** The public therapist list, each with the address of their photo (booking itself does not import lib/images). */
export async function listPublicTherapists(filter: Parameters<typeof listTherapists>[0] = {}): Promise<TherapistDto[]> {
  const therapists = await listTherapists(filter);
  return therapists.map(({ photoImageId, ...t }) => ({ ...t, photoUrl: photoImageId ? imageUrl(photoImageId) : null }));
}

export interface BookingCatalog {
  reasons: ReasonDto[];
  services: ServiceDto[];
  locations: LocationDto[];
  therapists: TherapistDto[];
}

/**
 * What the booking form shows before any time is chosen, read as the public
 * list routes (/api/reasons, /api/services, /api/locations, /api/therapists)
 * read it, so the page can render its first step on the server and the
 * browser's copy is the one those routes would have answered.
 */
export async function readBookingCatalog(): Promise<BookingCatalog> {
  // Until booking is open the routes list nothing but reasons; so does this.
  const open = await isBookingOpen();
  const [reasons, services, locations, therapists] = await Promise.all([
    listReasons(),
    open ? listServices() : [],
    open ? listLocations() : [],
    open ? listPublicTherapists() : [],
  ]);
  return { reasons, services, locations, therapists };
}
