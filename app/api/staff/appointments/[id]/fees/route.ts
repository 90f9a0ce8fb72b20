import { authorizeStaff } from "@/lib/auth/require-staff";
import { idParam } from "@/lib/http/params";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";
import { visitFeeSchema } from "@/lib/visit-money/schema";
import { chargeVisitFee } from "@/lib/visit-money/mutations";

type Context = { params: Promise<{ id: string }> };

/** The desk charges a visit's no-show or late-cancellation fee to its card on file; a decline answers 402. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const id = await idParam(params);
  const input = await readJson(request, visitFeeSchema);
  return json(await chargeVisitFee(staff, id, input, requestContext(request)), { cache: "no-store" });
});
