import { findService } from "@/lib/booking/data";
import { requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";
import { packageBalance } from "@/lib/packages/data";
import { packageBalanceQuerySchema } from "@/lib/packages/schema";

// What the booking form shows before the patient confirms: the visits left
// on the package its code names, for the service chosen. A code that cannot
// pay for this visit gets the one refusal the booking itself would give.
// POST, so the code stays out of the address and the logs.
export const POST = withErrors(async (request: Request) => {
  const ctx = requestContext(request);
  const input = await readJson(request, packageBalanceQuerySchema);
  const service = await findService(input.service);
  return json(await packageBalance(input.code, service.id, ctx.now));
});
