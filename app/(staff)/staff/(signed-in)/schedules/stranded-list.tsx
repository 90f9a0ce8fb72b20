import { useTranslations } from "next-intl";
import type { StrandedAppointment } from "@/lib/schedules/types";
import { formatVisitTime } from "./format";

/** The visits a change would strand, each with why, on its location's clock. Shown inside client components only. */
export function StrandedList({ stranded }: { stranded: StrandedAppointment[] }) {
  const t = useTranslations("staffSchedules.stranded");
  return (
    <ul className="mt-3 space-y-2">
      {stranded.map((visit) => (
        <li key={visit.id} className="rounded-md border border-amber-300 bg-white px-3 py-2">
          <span className="font-semibold">{formatVisitTime(visit.startsAt, visit.endsAt, visit.timeZone)}</span>
          <span className="block text-sm text-slate-700">
            {visit.patientName} · {visit.serviceName}
            {visit.therapistName ? t("with", { therapist: visit.therapistName }) : ""} · {visit.locationName} ·{" "}
            {visit.reason === "mode-removed" ? t("modeRemoved", { mode: visit.mode }) : t(`reason.${visit.reason}`)}
          </span>
          {visit.newTimeZone ? (
            <span className="block text-sm text-slate-700">
              {t("sameMoment", { zone: visit.newTimeZone, time: formatVisitTime(visit.startsAt, visit.endsAt, visit.newTimeZone) })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
