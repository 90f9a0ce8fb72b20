import { readMigrationState } from "@/lib/db/health";
import { json } from "@/lib/http/route";
import { notReadyReason } from "@/lib/http/serving-state";

export const dynamic = "force-dynamic";

/** Readiness: send this instance traffic (database reachable, every shipped migration applied, not shutting down). */
export async function GET() {
  const stopping = notReadyReason();
  if (stopping) return json({ status: "unavailable", reason: stopping }, { status: 503 });
  const state = await readMigrationState();
  if (!state.reachable) return json({ status: "unavailable", reason: "database unreachable" }, { status: 503 });
  if (state.pending.length > 0) {
    return json({ status: "unavailable", reason: "migrations not applied", pending: state.pending }, { status: 503 });
  }
  return json({ status: "ready" });
}
