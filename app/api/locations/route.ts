import { listLocations } from "@/lib/booking/data";
import { json, withErrors } from "@/lib/http/route";

export const GET = withErrors(async () => json({ locations: await listLocations() }, { cache: "short" }));
