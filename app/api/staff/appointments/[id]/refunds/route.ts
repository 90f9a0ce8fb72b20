import { authorizeStaff } from "@/lib/auth/require-staff";
import { idParam } from "@/lib/http/params";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";
import { visitRefundSchema } from "@/lib/visit-money/schema";
import { refundVisit } from "@/lib/visit-money/mutations";

type Context = { params: Promise<{ id: string }> };

/** The desk refunds part or all of a visit's payments; answers the visit's money after it. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const id = await idParam(params);
  const input = await readJson(request, visitRefundSchema);
  return json(await refundVisit(staff, id, input, requestContext(request)), { cache: "no-store" });
});
