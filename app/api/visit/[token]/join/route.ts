import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";
import { joinAsPatient } from "@/lib/video/mutations";
import { patientJoinSchema } from "@/lib/video/schema";

type Context = { params: Promise<{ token: string }> };

/** The patient's tab enters the waiting room (or comes back to its place). */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const { token } = await params;
  const input = await readJson(request, patientJoinSchema);
  const entry = await joinAsPatient(token, input.resume, requestContext(request));
  return json(entry, { status: 201 });
});
