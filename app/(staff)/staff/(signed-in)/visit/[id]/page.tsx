import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { VideoRoom } from "@/components/video/video-room";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { formatLongDate, formatTime, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import { findStaffVisitRoom } from "@/lib/video/data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffVisit");
  return { title: t("title") };
}

export default async function StaffVideoVisitPage({ params }: PageProps<"/staff/visit/[id]">) {
  const staff = await requireStaff("THERAPIST", "ADMIN");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const room = await findStaffVisitRoom(staff, id, new Date()).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
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
