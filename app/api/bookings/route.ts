import { createBooking } from "@/lib/booking/mutations";
import { createBookingSchema } from "@/lib/booking/schema";
import { limitBookingWrites, requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";
import { checkoutPaymentFor, holdForCheckout } from "@/lib/booking/checkout";

export const POST = withErrors(async (request: Request) => {
  const ctx = requestContext(request);
  await limitBookingWrites(ctx);
  const input = await readJson(request, createBookingSchema);
  // A service paid (or secured with a card) online is held, not booked: the payment books it.
  // A visit paid by the patient's package is booked at once.
  const asked = input.packageCode ? null : await checkoutPaymentFor(input.service);
  if (asked) {
    const answer = await holdForCheckout(input, ctx, asked);
    return json(answer.body, { status: answer.status });
  }
  return json(await createBooking(input, ctx), { status: 201 });
});
