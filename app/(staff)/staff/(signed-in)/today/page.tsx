import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { formatZoneName } from "@/lib/i18n/format-date-time";
import { listTherapistDay } from "@/lib/visits/data";
import { QueryProvider } from "@/components/query-provider";
import { DaySection } from "./day-section";
import { WaitingPatients } from "./waiting-patients";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffToday");
  return { title: t("title") };
}

export default async function MyDayPage() {
  const staff = await requireStaff("THERAPIST");
  const t = await getTranslations("staffToday");
  if (!staff.therapistId) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-4">{t("notLinked")}</p>
      </>
    );
  }
  const groups = await listTherapistDay(staff, await staffContext());
  const single = groups.length === 1 ? groups[0] : undefined;

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <QueryProvider>
        <WaitingPatients zone={groups[0]?.zone ?? "UTC"} />
      </QueryProvider>
      {groups.length === 0 ? <p className="mt-4">{t("nothingYet")}</p> : null}
      {single ? (
        <>
          <p className="mt-1 text-slate-700">{t("oneZone", { zone: formatZoneName(single.zone, "en") })}</p>
          {single.days.map((day) => (
            <DaySection key={day.date} day={day} zone={single.zone} idPrefix="day" level={2} />
          ))}
        </>
      ) : (
        <>
          <p className="mt-1 text-slate-700">{t("byLocation")}</p>
          {groups.map((group, index) => (
            <section key={group.location?.id ?? group.zone} aria-labelledby={`location-${index}`} className="mt-10">
              <h2 id={`location-${index}`} className="text-2xl font-bold text-teal-900">
                {group.location?.name}
              </h2>
              <p className="mt-1 text-slate-700">{t("timesIn", { zone: formatZoneName(group.zone, "en") })}</p>
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
