import { getTranslations } from "next-intl/server";
import type { WeeklyHoursRow } from "@/lib/schedules/types";
import { formatClockRange } from "@/lib/schedules/wall-time";
import { AddBlockButton, BlockButtons } from "./block-buttons";
import { formatLocalDate } from "./format";
import { ModeBadges } from "./mode-badges";
import type { LocationOption, TherapistRef } from "./schedule-props";

interface WeeklyHoursSectionProps {
  therapist: TherapistRef;
  locations: LocationOption[];
  hours: WeeklyHoursRow[];
}

/** The therapist's week at each location, Monday to Sunday, on the location's clock. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export async function WeeklyHoursSection({ therapist, locations, hours }: WeeklyHoursSectionProps) {
  const t = await getTranslations("staffSchedules");
  const describeValidity = (block: WeeklyHoursRow): string => {
    if (block.validFrom && block.validUntil) return t("weekly.validBetween", { from: formatLocalDate(block.validFrom), until: formatLocalDate(block.validUntil) });
    if (block.validFrom) return t("weekly.validFrom", { from: formatLocalDate(block.validFrom) });
    return t("weekly.validUntil", { until: formatLocalDate(block.validUntil!) });
  };
  return (
    <section aria-labelledby="weekly-hours-title" className="mt-10">
      <h2 id="weekly-hours-title" className="text-xl font-bold">
        {t("weekly.title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("weekly.intro")}</p>
      {locations.length === 0 ? (
        <p className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
          {t("weekly.noLocation", { therapist: therapist.firstName })}
        </p>
      ) : null}
      {locations.map((location) => {
        const titleId = `hours-${location.id}`;
        return (
          <div key={location.id} className="mt-4 rounded-xl border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h3 id={titleId} className="text-lg font-semibold">
                  {location.name}
                </h3>
                <p className="text-sm text-slate-700">{t("weekly.timesOn", { zone: location.zoneLabel })}</p>
              </div>
              <AddBlockButton therapist={therapist} locations={locations} location={location} />
            </div>
            <table aria-labelledby={titleId} className="mt-3 w-full text-left">
              <thead>
                <tr className="text-sm text-slate-700">
                  <th scope="col" className="w-32 py-1 pr-3 font-semibold">
                    {t("weekly.day")}
                  </th>
                  <th scope="col" className="py-1 font-semibold">
                    {t("weekly.hoursAndModes")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {WEEKDAYS.map((day) => {
                  const blocks = hours.filter((h) => h.locationId === location.id && h.weekday === day);
                  return (
                    <tr key={day} className="border-t border-slate-200 align-top">
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {t("weekday", { day })}
                      </th>
                      <td className="py-2">
                        {blocks.length === 0 ? (
                          <span className="text-slate-600">{t("weekly.notWorking")}</span>
                        ) : (
                          <ul className="space-y-2">
                            {blocks.map((block) => (
                              <li key={block.id} className={`flex flex-wrap items-center gap-2 rounded-md px-2 py-1 ${block.visitModes.includes("HOME") ? "bg-amber-50" : ""}`}>
                                <span className="font-medium">{formatClockRange(block.startMinute, block.endMinute)}</span>
                                <ModeBadges modes={block.visitModes} />
                                {block.validFrom || block.validUntil ? <span className="text-sm text-slate-700">{describeValidity(block)}</span> : null}
                                <BlockButtons therapist={therapist} locations={locations} block={block} locationName={location.name} />
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
