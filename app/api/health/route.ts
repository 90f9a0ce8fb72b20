import { pingDatabase } from "@/lib/db/health";
import { json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Liveness: the process answers and can reach its database. */
export async function GET() {
  if (await pingDatabase()) return json({ status: "ok" });
  return json({ status: "unavailable", reason: "database unreachable" }, { status: 503 });
}
