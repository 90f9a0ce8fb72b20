import { getTranslations } from "next-intl/server";
import type { TherapistScheduleView } from "@/lib/schedules/types";
import { ModeBadges } from "./mode-badges";
import type { LocationOption } from "./schedule-props";

export async function TherapistSummary({ schedule, locations }: { schedule: TherapistScheduleView; locations: LocationOption[] }) {
  const t = await getTranslations("staffSchedules.summary");
  const { therapist } = schedule;
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="text-2xl font-bold">
        {t.rich("name", {
          firstName: therapist.firstName,
          lastName: therapist.lastName,
          credentials: therapist.credentials,
          muted: (chunks) => <span className="font-normal">{chunks}</span>,
        })}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("offers")}</dt>
        <dd>
          <ModeBadges modes={therapist.visitModes} />
        </dd>
        <dt className="font-medium">{t("worksAt")}</dt>
        <dd>
          {locations.length === 0 ? (
            t("noLocation")
          ) : (
            <ul>
              {locations.map((l) => (
                <li key={l.id}>
                  {l.name} <span className="text-slate-700">· {l.zoneLabel}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </div>
  );
}
