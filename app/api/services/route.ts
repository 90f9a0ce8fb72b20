import { listServices } from "@/lib/booking/data";
import { json, withErrors } from "@/lib/http/route";
import { isBookingOpen } from "@/lib/setup/data";

// Not cached, not even briefly: a price changed or a service withdrawn in the
// settings must show on the next booking page, not a minute later.
export const GET = withErrors(async () => json({ services: (await isBookingOpen()) ? await listServices() : [] }, { cache: "no-store" }));
