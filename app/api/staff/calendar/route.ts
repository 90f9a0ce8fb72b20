import { authorizeStaff } from "@/lib/auth/require-staff";
import { loadCalendar } from "@/lib/calendar/data";
import { calendarQuerySchema } from "@/lib/calendar/schema";
import { json, readQuery, withErrors } from "@/lib/http/route";

export const GET = withErrors(async (request: Request) => {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  return json(await loadCalendar(staff, readQuery(request, calendarQuerySchema)));
});
