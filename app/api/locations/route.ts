import { listLocations } from "@/lib/booking/data";
import { json, withErrors } from "@/lib/http/route";
import { isBookingOpen } from "@/lib/setup/data";

export const GET = withErrors(async () => json({ locations: (await isBookingOpen()) ? await listLocations() : [] }));
