import { z } from "zod";
import { listPublicTherapists } from "@/lib/booking-catalog/data";
import { findService } from "@/lib/booking/data";
import { visitModeSchema } from "@/lib/booking/schema";
import { json, readQuery, withErrors } from "@/lib/http/route";
import { isBookingOpen } from "@/lib/setup/data";

const querySchema = z.object({
  location: z.uuid("'location' must be a location id.").optional(),
  service: z.string().trim().min(1).max(100).optional(),
  mode: visitModeSchema.optional(),
});

export const GET = withErrors(async (request: Request) => {
  const q = readQuery(request, querySchema);
  // Until a therapist with hours offers a service, there is nobody to book.
  if (!(await isBookingOpen())) return json({ therapists: [] });
  const serviceId = q.service ? (await findService(q.service)).id : undefined;
  return json({ therapists: await listPublicTherapists({ locationId: q.location, serviceId, mode: q.mode }) });
});
