import { authorizeStaff } from "@/lib/auth/require-staff";
import { idParam } from "@/lib/http/params";
import { requestContext } from "@/lib/http/request-context";
import { roomKey } from "@/lib/video/room-key";
import { json, readQuery, withErrors } from "@/lib/http/route";
import { leaveRoom, pollRoom } from "@/lib/video/mutations";
import { pollQuerySchema } from "@/lib/video/schema";

type Context = { params: Promise<{ id: string }> };

async function credentials(request: Request, params: Context["params"]) {
  const participantId = await idParam(params, "room participant");
  return { participantId, key: roomKey(request), staff: () => authorizeStaff("THERAPIST", "ADMIN") };
}

/** A tab's long poll: signals for it and who is in the room. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const query = readQuery(request, pollQuerySchema);
  const state = await pollRoom(await credentials(request, params), query, requestContext(request), request.signal);
  return json(state);
});

/** The tab leaves the call. */
export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  await leaveRoom(await credentials(request, params), requestContext(request));
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
