import { moveAppointment } from "@/lib/appointments/mutations";
import { moveAppointmentSchema } from "@/lib/appointments/schema";
import { authorizeStaff } from "@/lib/auth/require-staff";
import { idParam } from "@/lib/http/params";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

export const PATCH = withErrors(async (request: Request, { params }: Context) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const id = await idParam(params);
  const input = await readJson(request, moveAppointmentSchema);
  const moved = await moveAppointment(staff, id, input, requestContext(request));
  return json({ id: moved.id, updatedAt: moved.updatedAt.toISOString() });
});
