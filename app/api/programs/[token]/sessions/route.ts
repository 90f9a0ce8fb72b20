import { z } from "zod";
import { logProgramSession } from "@/lib/exercise-programs/mutations";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";

type Context = { params: Promise<{ token: string }> };

// The shape only: what the values may be (a pain from 0 to 10, a short note)
// is the domain's to refuse, with 400 and nothing written.
const bodySchema = z.object({
  clientKey: z.string().optional(),
  pain: z.union([z.number(), z.string()]).optional(),
  note: z.string().nullable().optional(),
});

/**
 * The patient logs a session of their home program (the program page's form
 * does the same without JavaScript). 201 when logged, 200 when this key was
 * logged before, 400 for a pain outside 0–10, 404 for a link that opens nothing.
 */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const { token } = await params;
  const body = await readJson(request, bodySchema);
  const { logged } = await logProgramSession(token, { clientKey: body.clientKey ?? "", pain: body.pain ?? "", note: body.note }, requestContext(request));
  return json({ logged }, { status: logged ? 201 : 200 });
});
