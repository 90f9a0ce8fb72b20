import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { VideoRoom } from "@/components/video/video-room";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { findVisitProgramForm } from "@/lib/exercise-programs/data";
import { painTrendText } from "@/lib/exercise-programs/week";
import { listExercises } from "@/lib/exercises/data";
import { staffContext } from "@/lib/http/staff-context";
import { formatLongDate, formatTime, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import { findStaffVisitRoom } from "@/lib/video/data";
import { HomeProgramForm } from "./home-program-form";
import { VisitProgress } from "./visit-progress";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffVisit");
  return { title: t("visitTitle") };
}

const orNotFound = (error: unknown): never => {
  if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
  throw error;
};

/** A visit as its therapist sees it: the video room for a video visit, and the home program form for every visit. */
export default async function StaffVisitPage({ params }: PageProps<"/staff/visit/[id]">) {
  const staff = await requireStaff("THERAPIST", "ADMIN");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const ctx = await staffContext();
  const visit = await findVisitProgramForm(staff, id, ctx).catch(orNotFound);
  const [t, tp, exercises] = await Promise.all([getTranslations("staffVisit"), getTranslations("staffExercises.assign"), listExercises(staff, { activeOnly: true })]);
  const current = visit.current;
  return (
    <>
      {visit.mode === "VIDEO" ? <VideoSection staff={staff} id={id} now={ctx.now} /> : <h1 className="text-2xl font-bold">{t("visitHeading", { patient: visit.patientName })}</h1>}
      <section aria-labelledby="home-program-heading" className="mt-10 max-w-4xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="home-program-heading" className="text-lg font-semibold">
          {tp("heading")}
        </h2>
        {current ? (
          <p className="mt-2">
            {tp("current", { done: current.doneThisWeek, perWeek: current.sessionsPerWeek, trend: current.painTrend.length === 0 ? "none" : painTrendText(current.painTrend) })}
          </p>
        ) : null}
        <div className="mt-3">
          <HomeProgramForm appointmentId={visit.appointmentId} patientName={visit.patientName} exercises={exercises} formId={randomUUID()} language={visit.language} />
        </div>
      </section>
      <VisitProgress staff={staff} appointmentId={visit.appointmentId} timeZone={visit.timeZone} />
    </>
  );
}

async function VideoSection({ staff, id, now }: { staff: Awaited<ReturnType<typeof requireStaff>>; id: string; now: Date }) {
  const room = await findStaffVisitRoom(staff, id, now).catch(orNotFound);
  const zone = formatZoneName(room.timeZone, "en");
  const t = await getTranslations("staffVisit");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("heading", { patient: room.patientName })}</h1>
      <p className="mt-1 text-slate-700">
        {t("when", {
          service: room.serviceName.en,
          date: formatLongDate(room.start, room.timeZone, "en"),
          time: formatTimeRange(room.start, room.end, room.timeZone, "en"),
          zone,
        })}
      </p>
      <div className="mt-6">
        {room.phase === "early" ? (
          <p role="status">
            {t("early", { time: formatTime(room.opensAt, room.timeZone, "en"), date: formatLongDate(room.opensAt, room.timeZone, "en") })}
          </p>
        ) : room.phase === "closed" ? (
          <p role="status">{t("closed", { time: formatTime(room.closesAt, room.timeZone, "en") })}</p>
        ) : room.phase === "cancelled" ? (
          <p role="status">{t("cancelled")}</p>
        ) : room.externalUrl ? (
          <p>
            {t.rich("external", {
              link: (chunks) => (
                <a className="font-semibold text-teal-900 underline" href={room.externalUrl ?? undefined} rel="noopener noreferrer" target="_blank">
                  {chunks}
                </a>
              ),
              sr: (chunks) => <span className="sr-only">{chunks}</span>,
            })}
          </p>
        ) : (
          <VideoRoom side={{ kind: "therapist", appointmentId: room.appointmentId }} otherName={room.patientName} />
        )}
      </div>
    </>
  );
}
