import type { StrandedAppointment } from "@/lib/schedules/types";
import { formatVisitTime } from "./format";

const REASON = {
  "outside-hours": "outside working hours",
  "time-off": "during time off",
  "therapist-inactive": "therapist deactivated",
  "location-removed": "location no longer theirs",
  "mode-removed": "visit mode no longer offered",
  "service-removed": "service no longer offered",
} as const satisfies Record<StrandedAppointment["reason"], string>;

export function StrandedList({ stranded }: { stranded: StrandedAppointment[] }) {
  return (
    <ul className="mt-3 space-y-2">
      {stranded.map((visit) => (
        <li key={visit.id} className="rounded-md border border-amber-300 bg-white px-3 py-2">
          <span className="font-semibold">{formatVisitTime(visit.startsAt, visit.endsAt, visit.timeZone)}</span>
          <span className="block text-sm text-slate-700">
            {visit.patientName} · {visit.serviceName} · {visit.locationName} · {REASON[visit.reason]}
          </span>
        </li>
      ))}
    </ul>
  );
}
