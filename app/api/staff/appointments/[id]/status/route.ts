import { changeAppointmentStatus } from "@/lib/appointments/mutations";
import { statusChangeSchema } from "@/lib/appointments/schema";
import { authorizeStaff } from "@/lib/auth/require-staff";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";
import { idParam } from "@/lib/http/params";

type Context = { params: Promise<{ id: string }> };

export const POST = withErrors(async (request: Request, { params }: Context) => {
  const staff = await authorizeStaff();
  const appointmentId = await idParam(params);
  const input = await readJson(request, statusChangeSchema);
  const updated = await changeAppointmentStatus(staff, { appointmentId, ...input }, requestContext(request));
  return json({ id: updated.id, status: updated.status, updatedAt: updated.updatedAt.toISOString() });
});
