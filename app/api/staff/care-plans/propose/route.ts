import { authorizeStaff } from "@/lib/auth/require-staff";
import { proposeCarePlan } from "@/lib/care-plans/data";
import { carePlanSchema } from "@/lib/care-plans/schema";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";

// A POST although it writes nothing but the audit entry: the plan is a body, not a query string.
export const POST = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK", "THERAPIST");
  const input = await readJson(request, carePlanSchema);
  return json(await proposeCarePlan(staff, input, requestContext(request)));
});
