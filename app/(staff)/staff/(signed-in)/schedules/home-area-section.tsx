import { getTranslations } from "next-intl/server";
import type { ScheduleLocation, WeeklyHoursRow } from "@/lib/schedules/types";
import { formatClockRange } from "@/lib/schedules/wall-time";
import { HomeAreaForm } from "./home-area-form";
import type { TherapistRef } from "./schedule-props";

interface HomeAreaSectionProps {
  therapist: TherapistRef;
  locations: ScheduleLocation[];
  hours: WeeklyHoursRow[];
}

/** Home-visit days are weekly hours that allow home visits; the area they cover belongs to the location. */
export async function HomeAreaSection({ therapist, locations, hours }: HomeAreaSectionProps) {
  const t = await getTranslations("staffSchedules");
  if (locations.length === 0) return null;
  const offersHome = therapist.visitModes.includes("HOME");
  return (
    <section aria-labelledby="home-visits-title" className="mt-10">
      <h2 id="home-visits-title" className="text-xl font-bold">
        {t("homeArea.title")}
      </h2>
      <p className="mt-1 text-slate-700">
        {offersHome ? t("homeArea.offers", { therapist: therapist.firstName }) : t("homeArea.noHome", { therapist: therapist.firstName })}
      </p>
      {locations.map((location) => {
        const homeHours = hours.filter((h) => h.locationId === location.id && h.visitModes.includes("HOME"));
        return (
          <div key={location.id} className="mt-4 rounded-xl border border-slate-200 bg-white p-4">
            <h3 className="text-lg font-semibold">{location.name}</h3>
            {offersHome ? (
              <p className="mt-1">
                <span className="font-medium">{t("homeArea.days")}</span>
                {homeHours.length > 0
                  ? homeHours.map((h) => `${t("weekday", { day: h.weekday })} ${formatClockRange(h.startMinute, h.endMinute)}`).join("; ")
                  : t("homeArea.noneHere")}
              </p>
            ) : null}
            <div className="mt-3">
              {/* Keyed by the saved values, so after saving the form shows them as stored (normalised, de-duplicated). */}
              <HomeAreaForm key={`${location.homePostalCodes.join(",")}|${location.homeTravelMinutes}`} location={location} />
            </div>
          </div>
        );
      })}
    </section>
  );
}
