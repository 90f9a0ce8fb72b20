import { createBooking } from "@/lib/booking/mutations";
import { createBookingSchema } from "@/lib/booking/schema";
import { limitBookingWrites, requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";

export const POST = withErrors(async (request: Request) => {
  const ctx = requestContext(request);
  await limitBookingWrites(ctx);
  const input = await readJson(request, createBookingSchema);
  return json(await createBooking(input, ctx), { status: 201 });
});
