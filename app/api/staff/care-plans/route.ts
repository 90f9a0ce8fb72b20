import { authorizeStaff } from "@/lib/auth/require-staff";
import { bookCarePlan } from "@/lib/care-plans/mutations";
import { bookCarePlanSchema } from "@/lib/care-plans/schema";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";

export const POST = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK", "THERAPIST");
  const input = await readJson(request, bookCarePlanSchema);
  // The first visit's manage link is shown to the desk once, to pass on; only its hash is kept.
  return json(await bookCarePlan(staff, input, requestContext(request)), { status: 201 });
});
