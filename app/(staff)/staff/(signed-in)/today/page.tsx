import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { formatZoneName } from "@/lib/i18n/format-date-time";
import { listTherapistDay } from "@/lib/visits/data";
import { QueryProvider } from "@/components/query-provider";
import { DaySection } from "./day-section";
import { WaitingPatients } from "./waiting-patients";

export const metadata: Metadata = { title: "My day" };

export default async function MyDayPage() {
  const staff = await requireStaff("THERAPIST");
  if (!staff.therapistId) {
    return (
      <>
        <h1 className="text-2xl font-bold">My day</h1>
        <p className="mt-4">This account is not linked to a therapist yet, so it has no visits. Ask an administrator to link it.</p>
      </>
    );
  }
  const groups = await listTherapistDay(staff, await staffContext());
  const single = groups.length === 1 ? groups[0] : undefined;

  return (
    <>
      <h1 className="text-2xl font-bold">My day</h1>
      <QueryProvider>
        <WaitingPatients zone={groups[0]?.zone ?? "UTC"} />
      </QueryProvider>
      {groups.length === 0 ? <p className="mt-4">You have no locations and no visits yet.</p> : null}
      {single ? (
        <>
          <p className="mt-1 text-slate-700">Your visits today and tomorrow. Times are in {formatZoneName(single.zone, "en")}, your clinic&apos;s time zone.</p>
          {single.days.map((day) => (
            <DaySection key={day.date} day={day} zone={single.zone} idPrefix="day" level={2} />
          ))}
        </>
      ) : (
        <>
          <p className="mt-1 text-slate-700">Your visits today and tomorrow, by location: each location&apos;s times are in its own time zone.</p>
          {groups.map((group, index) => (
            <section key={group.location?.id ?? group.zone} aria-labelledby={`location-${index}`} className="mt-10">
              <h2 id={`location-${index}`} className="text-2xl font-bold text-teal-900">
                {group.location?.name}
              </h2>
              <p className="mt-1 text-slate-700">Times in {formatZoneName(group.zone, "en")}.</p>
              {group.days.map((day) => (
                <DaySection key={day.date} day={day} zone={group.zone} idPrefix={`location-${index}`} level={3} />
              ))}
            </section>
          ))}
        </>
      )}
    </>
  );
}
