import { getTranslations } from "next-intl/server";
import type { AgendaDayWith } from "@/lib/visits/group-agenda";
import type { TherapistDayVisit } from "@/lib/visits/data";
import { formatDay } from "@/lib/i18n/format-date-time";
import { Heading, type HeadingLevel } from "./heading";
import { VisitCard } from "./visit-card";

interface DaySectionProps {
  day: AgendaDayWith<TherapistDayVisit>;
  zone: string;
  /** Distinguishes the same day at two locations. */
  idPrefix: string;
  level: 2 | 3;
}

export async function DaySection({ day, zone, idPrefix, level }: DaySectionProps) {
  const t = await getTranslations("staffToday.day");
  const headingId = `${idPrefix}-${day.relative}`;
  const cancelled = day.visits.filter((v) => v.status === "CANCELLED").length;
  const active = day.visits.length - cancelled;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <Heading level={level} id={headingId} className="text-xl font-bold text-slate-900">
        {t("heading", { relative: day.relative, date: formatDay(new Date(day.start).toISOString(), zone, "en") })}
      </Heading>
      <p className="mt-1 text-slate-700">
        {active === 0 && cancelled === 0 ? t("none", { relative: day.relative }) : t("summary", { active, cancelled })}
      </p>
      {day.visits.length > 0 ? (
        <ol className="mt-3 space-y-4">
          {day.visits.map((visit) => (
            <li key={visit.id}>
              <VisitCard visit={visit} zone={zone} day={day.relative} level={(level + 1) as HeadingLevel} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
