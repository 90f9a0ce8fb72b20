import { buildIcs, icsMetaFor } from "@/lib/booking/ics";
import { openBooking } from "@/lib/booking/mutations";
import { requestContext } from "@/lib/http/request-context";
import { withErrors } from "@/lib/http/route";

type Context = { params: Promise<{ token: string }> };

export const GET = withErrors(async (request: Request, { params }: Context) => {
  const { token } = await params;
  const { dto, appointment } = await openBooking(token, requestContext(request));
  const body = buildIcs(dto, icsMetaFor(appointment, new Date()));
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="visit-${dto.start.slice(0, 10)}.ics"`,
      "Cache-Control": "no-store",
    },
  });
});
