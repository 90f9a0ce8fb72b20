import { requestBookingLookup } from "@/lib/booking-lookup/mutations";
import { bookingLookupSchema } from "@/lib/booking-lookup/schema";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";

// Public: no session. 202 with the same body whether or not a patient has the address.
export const POST = withErrors(async (request: Request) => {
  const ctx = requestContext(request);
  const input = await readJson(request, bookingLookupSchema);
  return json(await requestBookingLookup(input, ctx), { status: 202 });
});
