import { NextResponse } from "next/server";
import { authorizeStaff } from "@/lib/auth/require-staff";
import { calendarETag, openCalendar } from "@/lib/calendar/data";
import { calendarQuerySchema } from "@/lib/calendar/schema";
import { clientHasCurrent, REVALIDATE_PRIVATELY } from "@/lib/http/conditional";
import { requestContext } from "@/lib/http/request-context";
import { readQuery, withErrors } from "@/lib/http/route";

/**
 * The desk's board, polled every few seconds. The ETag is read before the
 * board: a change committed in between leaves the ETag older than the body,
 * so the next poll gets the board again; the other order could confirm a
 * stale board with a 304.
 *
 * A 304 is not audited. It sends no patient data, and what the desk still
 * shows was logged when it was sent (the 200 that carried it); logging every
 * 3-second poll of an unchanged board would add 1,200 rows an hour per desk
 * and bury the reads that matter.
 */
export const GET = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const query = readQuery(request, calendarQuerySchema);
  const etag = await calendarETag(query);
  const headers = { ETag: etag, "Cache-Control": REVALIDATE_PRIVATELY };
  if (clientHasCurrent(request, etag)) return new Response(null, { status: 304, headers });
  const board = await openCalendar(staff, query, requestContext(request));
  return NextResponse.json(board, { headers });
});
