import { authorizeStaff } from "@/lib/auth/require-staff";
import { openCalendarVisit } from "@/lib/calendar/data";
import { idParam } from "@/lib/http/params";
import { requestContext } from "@/lib/http/request-context";
import { json, withErrors } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

/**
 * What the calendar's visit panel shows beyond the card (the patient's phone
 * and record, how the visit was booked), read when the panel opens rather
 * than sent with every visit of every poll of the board. Audited per read.
 */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const id = await idParam(params);
  return json(await openCalendarVisit(staff, id, requestContext(request)));
});
