import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { limitBookingWrites, requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";
import { releaseHoldByToken } from "@/lib/booking/checkout";

type Context = { params: Promise<{ token: string }> };

/** The body is empty: the link is the whole request. */
const releaseSchema = z.object({}).strict();
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * The patient left Stripe's checkout: their held time is let go. The answer
 * is the same for any link (a hold, a booked visit, a guess), so it tells a
 * stranger nothing.
 */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const { token } = await params;
  const ctx = requestContext(request);
  await limitBookingWrites(ctx);
  await readJson(request, releaseSchema);
  // A malformed link is refused as every unknown link is; a well-formed one always gets the same answer.
  if (!tokenSchema.safeParse(token).success) throw new AppError("NOT_FOUND", "This link is not valid.");
  await releaseHoldByToken(token);
  return json({ released: true });
});
