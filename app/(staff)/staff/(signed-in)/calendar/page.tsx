import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { openCalendar } from "@/lib/calendar/data";
import { calendarQuerySchema } from "@/lib/calendar/schema";
import { planBookingPrefill } from "@/lib/care-plans/follow-up";
import { getPrisma } from "@/lib/db/client";
import { todayAt } from "@/lib/calendar/today";
import { staffContext } from "@/lib/http/staff-context";
import { QueryProvider } from "@/components/query-provider";
import { CalendarBoard } from "./calendar-board";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffCalendar");
  return { title: t("title") };
}

export default async function CalendarPage({ searchParams }: PageProps<"/staff/calendar">) {
  const staff = await requireStaff("ADMIN", "FRONT_DESK");
  const params = await searchParams;
  const ctx = await staffContext();
  // "Book next visit" on the follow-up list opens the booking dialog with the plan's values, at its location.
  const plan = typeof params.plan === "string" ? await planBookingPrefill(staff, params.plan, ctx) : null;
  const requested = plan?.locationId ?? (typeof params.location === "string" ? params.location : undefined);
  // A closed location opens only when asked for by its address; the board starts at an open one.
  const locations = await getPrisma().location.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], select: { id: true, timeZone: true, active: true } });
  const location = locations.find((l) => l.id === requested) ?? locations.find((l) => l.active);
  if (!location) return <p>{(await getTranslations("staffCalendar"))("noLocations")}</p>;
  const today = todayAt(location.timeZone);
  // A date that is not one the calendar can show (2026-13-45, year 0) opens today instead.
  const date = typeof params.date === "string" && calendarQuerySchema.shape.date.safeParse(params.date).success ? params.date : today;
  const view = params.view === "week" ? "week" : "day";
  const initial = await openCalendar(staff, { location: location.id, date, view }, ctx);
  return (
    <QueryProvider>
      <CalendarBoard initial={initial} today={today} plan={plan} />
    </QueryProvider>
  );
}
