import { bookForCaller } from "@/lib/appointments/mutations";
import { bookForCallerSchema } from "@/lib/appointments/schema";
import { authorizeStaff } from "@/lib/auth/require-staff";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";

export const POST = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const input = await readJson(request, bookForCallerSchema);
  const { appointment, manageToken } = await bookForCaller(staff, input, requestContext(request));
  return json({ id: appointment.id, manageToken }, { status: 201 });
});
