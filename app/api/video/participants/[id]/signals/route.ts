import { authorizeStaff } from "@/lib/auth/require-staff";
import { idParam } from "@/lib/http/params";
import { requestContext } from "@/lib/http/request-context";
import { roomKey } from "@/lib/video/room-key";
import { readJson, withErrors } from "@/lib/http/route";
import { sendSignal } from "@/lib/video/mutations";
import { signalInputSchema } from "@/lib/video/schema";

type Context = { params: Promise<{ id: string }> };

/** A WebRTC message from this tab to the other side of the call. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const participantId = await idParam(params, "room participant");
  const key = roomKey(request);
  const input = await readJson(request, signalInputSchema);
  await sendSignal({ participantId, key, staff: () => authorizeStaff("THERAPIST", "ADMIN") }, input, requestContext(request));
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
