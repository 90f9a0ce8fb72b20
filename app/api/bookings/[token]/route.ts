import { cancelBooking, openBooking, rescheduleBooking } from "@/lib/booking/mutations";
import { withBookingMoney } from "@/lib/booking/booking-money-data";
import { withPaymentTerms } from "@/lib/booking/payment-terms-data";
import { cancelBookingSchema, rescheduleBookingSchema } from "@/lib/booking/schema";
import { limitBookingWrites, requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";

type Context = { params: Promise<{ token: string }> };

export const GET = withErrors(async (request: Request, { params }: Context) => {
  const { token } = await params;
  const ctx = requestContext(request);
  const { dto } = await openBooking(token, ctx);
  return json(await withBookingMoney(await withPaymentTerms(dto), ctx.now));
});

export const PATCH = withErrors(async (request: Request, { params }: Context) => {
  const { token } = await params;
  const ctx = requestContext(request);
  await limitBookingWrites(ctx);
  const input = await readJson(request, rescheduleBookingSchema);
  return json(await withBookingMoney(await withPaymentTerms(await rescheduleBooking(token, input, ctx)), ctx.now));
});

export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const { token } = await params;
  const ctx = requestContext(request);
  await limitBookingWrites(ctx);
  const input = await readJson(request, cancelBookingSchema);
  return json(await withBookingMoney(await withPaymentTerms(await cancelBooking(token, input, ctx)), ctx.now));
});
