import { findServiceWithLocations, locationsFor, resolveMode, searchSlots, toSlotDto } from "@/lib/booking/data";
import { availabilityQuerySchema } from "@/lib/booking/schema";
import type { AvailabilityDto } from "@/lib/booking/api-types";
import { AppError } from "@/lib/errors/app-error";
import { json, readQuery, withErrors } from "@/lib/http/route";
import { isBookingOpen } from "@/lib/setup/data";

export const GET = withErrors(async (request: Request) => {
  const q = readQuery(request, availabilityQuerySchema);
  try {
    // The service and the locations in one statement: the locations are read
    // before the mode is known and checked against it after, with the same
    // answers, in the same order, as resolveLocations.
    const { service, locations: active } = await findServiceWithLocations(q.service, q.location);
    const mode = resolveMode(service, q.mode);
    const locations = locationsFor(active, q.location, mode, q.postalCode);
    const now = new Date();
    const result = await searchSlots({ service, mode, locations, therapistId: q.therapist, from: q.from, to: q.to, now, language: q.language });
    const terms = { cancelCutoffMinutes: service.cancelCutoffMinutes, now };
    const body: AvailabilityDto = {
      timeZone: result.timeZone,
      slots: result.slots.map((s) => toSlotDto(s, result.zones.get(s.locationId) ?? result.timeZone, terms)),
    };
    return json(body);
  } catch (error) {
    // Until a therapist with hours offers a service, no time is open: an empty
    // list, not an unknown service or location. Asked only when the search
    // fails (a practice that is not open has no times to find anyway), so the
    // busiest public request does not pay for the question.
    if (error instanceof AppError && !(await isBookingOpen())) return json({ timeZone: "UTC", slots: [] } satisfies AvailabilityDto);
    throw error;
  }
});
