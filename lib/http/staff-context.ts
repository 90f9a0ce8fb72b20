import "server-only";
import { headers } from "next/headers";
import type { RequestContext as StaffRequestContext } from "./request-context";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

/** The clock and caller's address for a server action or staff route (stamped by scripts/serve.ts). */
export async function staffContext(): Promise<StaffRequestContext> {
  return { now: new Date(), ipAddress: (await headers()).get(CLIENT_ADDRESS_HEADER) };
}
