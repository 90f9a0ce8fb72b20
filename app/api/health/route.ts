import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness: the process answers and reaches its database with one `SELECT 1`. */
export async function GET(): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers });
  }
}
