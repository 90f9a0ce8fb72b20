import { getTranslations } from "next-intl/server";
import type { TherapistDayVisit } from "@/lib/visits/data";
import type { RelativeDay } from "@/lib/visits/agenda-days";
import { painTrendText } from "@/lib/exercise-programs/week";
import { formatLongDate, formatTimeRange } from "@/lib/i18n/format-date-time";
import { Heading, type HeadingLevel } from "./heading";
import { StatusBadge } from "./status-badge";
import { VisitForm } from "./visit-form";
import { VisitPlaceText } from "./visit-place";

interface VisitCardProps {
  visit: TherapistDayVisit;
  zone: string;
  day: RelativeDay;
  level: HeadingLevel;
}

export async function VisitCard({ visit, zone, day, level }: VisitCardProps) {
  const t = await getTranslations("staffToday.card");
  const tp = await getTranslations("staffExercises.today");
  const tg = await getTranslations("staffProgress.today");
  const cancelled = visit.status === "CANCELLED";
  const headingId = `visit-${visit.id}`;
  const time = formatTimeRange(visit.startsAt.toISOString(), visit.endsAt.toISOString(), zone, "en");
  // Completing is for the day itself; tomorrow's visits are for reading ahead and notes.
  const canComplete = day === "today" && (visit.status === "BOOKED" || visit.status === "CHECKED_IN");

  return (
    <article aria-labelledby={headingId} className={`rounded-lg border p-4 sm:p-5 ${cancelled ? "border-slate-200 bg-slate-50 text-slate-700" : "border-slate-300 bg-white"}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading level={level} id={headingId} className={cancelled ? "line-through decoration-slate-500" : undefined}>
          <span className="block text-lg font-semibold tabular-nums text-teal-900">{time}</span>
          <span className="block text-xl font-bold">
            {visit.patient.name} <span className="font-normal text-slate-700">{t("age", { age: visit.patient.age })}</span>
          </span>
        </Heading>
        <StatusBadge status={visit.status} />
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-1.5 sm:grid-cols-[8rem_1fr]">
        <dt className="font-medium text-slate-700">{t("service")}</dt>
        <dd>{visit.serviceName}</dd>
        {visit.eligibilityFollowUp ? (
          <>
            <dt className="font-medium text-slate-700">{t("followUp")}</dt>
            <dd className="font-medium text-amber-900">{t("followUpText")}</dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-700">{t("reason")}</dt>
        <dd>
          {visit.reason.label ?? (visit.reason.text ? null : t("notGiven"))}
          {visit.reason.label && visit.reason.text ? <br /> : null}
          {visit.reason.text ? <q className="italic">{visit.reason.text}</q> : null}
        </dd>
        <dt className="font-medium text-slate-700">{t("where")}</dt>
        <dd>
          <VisitPlaceText place={visit.place} appointmentId={visit.id} />
        </dd>
        {visit.homeProgram ? (
          <>
            <dt className="font-medium text-slate-700">{tp("program")}</dt>
            <dd>
              {tp("adherence", { done: visit.homeProgram.doneThisWeek, perWeek: visit.homeProgram.sessionsPerWeek })}
              {" · "}
              {visit.homeProgram.painTrend.length > 0 ? tp("pain", { trend: painTrendText(visit.homeProgram.painTrend) }) : tp("noPain")}
            </dd>
          </>
        ) : null}
        {visit.progress ? (
          <>
            <dt className="font-medium text-slate-700">{tg("label")}</dt>
            <dd>
              {visit.progress.last
                ? tg("last", { pain: visit.progress.last.pain, function: visit.progress.last.function, source: visit.progress.last.source, date: formatLongDate(visit.progress.last.recordedAt.toISOString(), zone, "en") })
                : tg("none")}
              {visit.progress.checkDue ? (
                <>
                  {" · "}
                  <strong className="font-semibold text-amber-900">{tg("due")}</strong>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {cancelled ? null : (
        <p className="mt-2 text-sm">
          <a href={`/staff/visit/${visit.id}`} className="font-semibold text-teal-900 underline">
            {tp("open")}
            <span className="sr-only"> · {visit.patient.name}</span>
          </a>
        </p>
      )}
      {cancelled ? (
        visit.note ? (
          <p className="mt-3 text-sm">
            <span className="font-medium">{t("note")}</span> {visit.note.body}
          </p>
        ) : null
      ) : (
        <VisitForm appointmentId={visit.id} expectedUpdatedAt={visit.updatedAt.toISOString()} note={visit.note?.body ?? ""} canComplete={canComplete} />
      )}
    </article>
  );
}
