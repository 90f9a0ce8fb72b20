import { listServices } from "@/lib/booking/data";
import { json, withErrors } from "@/lib/http/route";

export const GET = withErrors(async () => json({ services: await listServices() }, { cache: "short" }));
