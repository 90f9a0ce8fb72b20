import { getTranslations } from "next-intl/server";
import type { TimeOffRow } from "@/lib/schedules/types";
import { formatTimeOffPeriod } from "./format";
import type { LocationOption, TherapistRef } from "./schedule-props";
import { AddTimeOffButton, DeleteTimeOffButton } from "./time-off-buttons";

interface TimeOffSectionProps {
  therapist: TherapistRef;
  locations: LocationOption[];
  timeOff: TimeOffRow[];
  /** The zone the list is written in. */
  timeZone: string;
  zoneLabel: string;
}

export async function TimeOffSection({ therapist, locations, timeOff, timeZone, zoneLabel }: TimeOffSectionProps) {
  const t = await getTranslations("staffSchedules.timeOff");
  const words = { wholeDay: (day: string) => t("wholeDay", { day }), wholeDays: (first: string, last: string) => t("wholeDays", { first, last }) };
  return (
    <section aria-labelledby="time-off-title" className="mt-10">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="time-off-title" className="text-xl font-bold">
            {t("title")}
          </h2>
          <p className="mt-1 text-slate-700">{t("intro", { zone: zoneLabel })}</p>
        </div>
        {locations.length > 0 ? <AddTimeOffButton therapist={therapist} locations={locations} /> : null}
      </div>
      {timeOff.length === 0 ? (
        <p className="mt-4 rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {timeOff.map((entry) => {
            const period = formatTimeOffPeriod(entry.startsAt, entry.endsAt, timeZone, words);
            return (
              <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <div>
                  <span className="mr-2 rounded-full border border-slate-400 bg-slate-100 px-2 py-0.5 text-xs font-semibold">{t("kind", { kind: entry.kind })}</span>
                  <span className="font-medium">{period}</span>
                  {entry.note ? <span className="block text-sm text-slate-700">{entry.note}</span> : null}
                </div>
                <DeleteTimeOffButton id={entry.id} label={t("entryLabel", { kind: entry.kind, period })} therapistFirstName={therapist.firstName} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
