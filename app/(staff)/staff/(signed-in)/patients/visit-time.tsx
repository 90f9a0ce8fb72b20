import { formatLongDate, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";

/** A visit's date and time on the wall clock of its location, with that zone named. */
export function VisitTime({ startsAt, endsAt, timeZone }: { startsAt: Date; endsAt?: Date; timeZone: string }) {
  const start = startsAt.toISOString();
  const time = endsAt
    ? formatTimeRange(start, endsAt.toISOString(), timeZone, "en")
    : new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone }).format(startsAt);
  return (
    <>
      <time dateTime={start} className="block">
        {formatLongDate(start, timeZone, "en")}, {time}
      </time>
      <span className="block text-xs text-slate-600">{formatZoneName(timeZone, "en")}</span>
    </>
  );
}
