import type { StrandedAppointment, StrandReason } from "@/lib/schedules/types";
import { describeModes } from "@/lib/schedules/labels";
import { formatVisitTime } from "./format";

const REASON: Record<StrandReason, string> = {
  "outside-hours": "outside working hours",
  "time-off": "during time off",
  "location-inactive": "at a location that would close",
  "zone-change": "its clock time would change",
  "home-area": "home visit to a postal code no longer visited",
  "room-inactive": "in a room that would close",
  "room-capacity": "more visits than the room would hold",
  "service-inactive": "service no longer offered",
  "duration-changed": "keeps the length it was booked with",
  "mode-removed": "no longer offered",
  "therapist-removed": "therapist no longer offers this service",
  "therapist-inactive": "therapist deactivated",
  "location-removed": "location no longer theirs",
  "service-removed": "service no longer offered",
} as const satisfies Record<StrandedAppointment["reason"], string>;

export function StrandedList({ stranded }: { stranded: StrandedAppointment[] }) {
  return (
    <ul className="mt-3 space-y-2">
      {stranded.map((visit) => (
        <li key={visit.id} className="rounded-md border border-amber-300 bg-white px-3 py-2">
          <span className="font-semibold">{formatVisitTime(visit.startsAt, visit.endsAt, visit.timeZone)}</span>
          <span className="block text-sm text-slate-700">
            {visit.patientName} · {visit.serviceName}
            {visit.therapistName ? ` with ${visit.therapistName}` : ""} · {visit.locationName} · {visit.reason === "mode-removed" ? `${describeModes([visit.mode])} ${REASON[visit.reason]}` : REASON[visit.reason]}
          </span>
          {visit.newTimeZone ? (
            <span className="block text-sm text-slate-700">
              Same moment, read in {visit.newTimeZone}: {formatVisitTime(visit.startsAt, visit.endsAt, visit.newTimeZone)}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
