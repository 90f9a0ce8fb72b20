import { authorizeStaff } from "@/lib/auth/require-staff";
import { idParam } from "@/lib/http/params";
import { requestContext } from "@/lib/http/request-context";
import { json, withErrors } from "@/lib/http/route";
import { joinAsTherapist } from "@/lib/video/mutations";

type Context = { params: Promise<{ id: string }> };

/** The visit's therapist (or an admin) enters its video room. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const staff = await authorizeStaff("THERAPIST", "ADMIN");
  const appointmentId = await idParam(params, "video visit");
  const entry = await joinAsTherapist(staff, appointmentId, requestContext(request));
  return json(entry, { status: 201 });
});
