import { listReasons } from "@/lib/booking/data";
import { json, withErrors } from "@/lib/http/route";

// Not cached: an administrator's change to the list shows on the next booking form.
export const GET = withErrors(async () => json({ reasons: await listReasons() }, { cache: "no-store" }));
