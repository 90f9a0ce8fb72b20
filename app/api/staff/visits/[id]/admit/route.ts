import { authorizeStaff } from "@/lib/auth/require-staff";
import { idParam } from "@/lib/http/params";
import { requestContext } from "@/lib/http/request-context";
import { readJson, withErrors } from "@/lib/http/route";
import { admitPatient } from "@/lib/video/mutations";
import { admitSchema } from "@/lib/video/schema";

type Context = { params: Promise<{ id: string }> };

/** Lets the waiting patient into the call. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const staff = await authorizeStaff("THERAPIST", "ADMIN");
  const appointmentId = await idParam(params, "video visit");
  const { participantId } = await readJson(request, admitSchema);
  await admitPatient(staff, appointmentId, participantId, requestContext(request));
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
