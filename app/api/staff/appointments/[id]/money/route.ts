import { authorizeStaff } from "@/lib/auth/require-staff";
import { idParam } from "@/lib/http/params";
import { requestContext } from "@/lib/http/request-context";
import { json, withErrors } from "@/lib/http/route";
import { readVisitMoney } from "@/lib/visit-money/data";

type Context = { params: Promise<{ id: string }> };

/** The visit panel's money: payments, refunds, the card on file and the fee that applies (an audited read). */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const id = await idParam(params);
  return json(await readVisitMoney(staff, id, requestContext(request)), { cache: "no-store" });
});
