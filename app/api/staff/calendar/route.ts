import { authorizeStaff, authorizeStaffWith } from "@/lib/auth/require-staff";
import { boardStampsSql, calendarETagOf, openCalendarJson } from "@/lib/calendar/data";
import { calendarQuerySchema, type CalendarQuery } from "@/lib/calendar/schema";
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
 *
 * The session and the board's version stamps are read in one statement: an
 * unchanged board then costs one round trip.
 */
export const GET = withErrors(async (request: Request) => {
  let query: CalendarQuery;
  try {
    query = readQuery(request, calendarQuerySchema);
  } catch (error) {
    // Someone signed out learns that first, not what the query lacks.
    await authorizeStaff("ADMIN", "FRONT_DESK");
    throw error;
  }
  const { staff, alongside: stamps } = await authorizeStaffWith<string | null>(boardStampsSql(query.location), "ADMIN", "FRONT_DESK");
  const etag = calendarETagOf(query, stamps);
  const headers = { ETag: etag, "Cache-Control": REVALIDATE_PRIVATELY };
  if (clientHasCurrent(request, etag)) return new Response(null, { status: 304, headers });
  const board = await openCalendarJson(staff, query, requestContext(request));
  return new Response(board, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
});
