import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { formatZoneName } from "@/lib/i18n/format-date-time";
import { listTherapistsForSchedules, loadTherapistSchedule } from "@/lib/schedules/data";
import { HomeAreaSection } from "./home-area-section";
import { ScheduleNoticeProvider } from "./schedule-notice";
import type { LocationOption, TherapistRef } from "./schedule-props";
import { TherapistPicker } from "./therapist-picker";
import { TherapistSummary } from "./therapist-summary";
import { TimeOffSection } from "./time-off-section";
import { WeeklyHoursSection } from "./weekly-hours-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffSchedules");
  return { title: t("title") };
}

export default async function SchedulesPage({ searchParams }: PageProps<"/staff/schedules">) {
  // Therapists see their own hours on their day page; here they get a plain 404.
  const staff = await requireStaff("ADMIN", "FRONT_DESK");
  const t = await getTranslations("staffSchedules");
  const { therapist: requested } = await searchParams;
  const chosenId = typeof requested === "string" && requested !== "" ? requested : undefined;
  const [therapists, schedule] = await Promise.all([
    listTherapistsForSchedules(staff),
    chosenId ? loadTherapistSchedule(staff, chosenId, new Date()) : Promise.resolve(null),
  ]);

  const locations: LocationOption[] = (schedule?.locations ?? []).map((l) => ({
    id: l.id,
    name: l.name,
    timeZone: l.timeZone,
    zoneLabel: formatZoneName(l.timeZone, "en"),
  }));
  const therapist: TherapistRef | null = schedule
    ? { id: schedule.therapist.id, firstName: schedule.therapist.firstName, visitModes: schedule.therapist.visitModes }
    : null;

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-slate-700">{t("intro")}</p>
      <TherapistPicker therapists={therapists} chosenId={schedule ? chosenId : undefined} />
      {chosenId && !schedule ? (
        <p role="alert" className="mt-6 rounded-lg border border-red-300 bg-red-50 p-4 text-red-800">
          {t("therapistNotFound")}
        </p>
      ) : null}
      {schedule && therapist ? (
        <div className="mt-8">
          <ScheduleNoticeProvider key={therapist.id}>
            <TherapistSummary schedule={schedule} locations={locations} />
            <WeeklyHoursSection therapist={therapist} locations={locations} hours={schedule.weeklyHours} />
            <TimeOffSection therapist={therapist} locations={locations} timeOff={schedule.timeOff} timeZone={schedule.timeZone} zoneLabel={formatZoneName(schedule.timeZone, "en")} />
            <HomeAreaSection therapist={therapist} locations={schedule.locations} hours={schedule.weeklyHours} />
          </ScheduleNoticeProvider>
        </div>
      ) : null}
    </>
  );
}
