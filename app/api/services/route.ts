import { listServices } from "@/lib/booking/data";
import { json, withErrors } from "@/lib/http/route";
import { isBookingOpen } from "@/lib/setup/data";

export const GET = withErrors(async () => json({ services: (await isBookingOpen()) ? await listServices() : [] }, { cache: "short" }));
