import { limitBookingWrites, requestContext } from "@/lib/http/request-context";
import { json, readJson, withErrors } from "@/lib/http/route";
import { startPackagePurchase } from "@/lib/package-sales/mutations";
import { packagePurchaseSchema } from "@/lib/package-sales/schema";

// A patient buys a package online: answered with the Stripe checkout to pay
// on. The package gets its visits when the payment's webhook arrives.
export const POST = withErrors(async (request: Request) => {
  const ctx = requestContext(request);
  await limitBookingWrites(ctx);
  const input = await readJson(request, packagePurchaseSchema);
  return json(await startPackagePurchase(input, ctx), { status: 201 });
});
