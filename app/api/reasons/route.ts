import { listReasons } from "@/lib/booking/data";
import { json, withErrors } from "@/lib/http/route";

export const GET = withErrors(async () => json({ reasons: await listReasons() }, { cache: "short" }));
