import { bookForCaller } from "@/lib/appointments/mutations";
import { bookForCallerSchema } from "@/lib/appointments/schema";
import { authorizeStaff } from "@/lib/auth/require-staff";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";

export const POST = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const input = await readJson(request, bookForCallerSchema);
  const booked = await bookForCaller(staff, input, requestContext(request));
  // The links are shown to the desk once, to pass on to the patient; only their hashes are kept.
  return json({ id: booked.appointment.id, manageToken: booked.manageToken, manageUrl: booked.manageUrl, joinUrl: booked.joinUrl }, { status: 201 });
});
