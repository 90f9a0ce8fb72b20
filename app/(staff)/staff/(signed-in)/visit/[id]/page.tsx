import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { VideoRoom } from "@/components/video/video-room";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { formatLongDate, formatTime, formatTimeRange, formatZoneName } from "@/lib/i18n/format-date-time";
import { findStaffVisitRoom } from "@/lib/video/data";

export const metadata: Metadata = { title: "Video visit" };

export default async function StaffVideoVisitPage({ params }: PageProps<"/staff/visit/[id]">) {
  const staff = await requireStaff("THERAPIST", "ADMIN");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const room = await findStaffVisitRoom(staff, id, new Date()).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const zone = formatZoneName(room.timeZone, "en");
  return (
    <>
      <h1 className="text-2xl font-bold">Video visit with {room.patientName}</h1>
      <p className="mt-1 text-slate-700">
        {room.serviceName.en} · {formatLongDate(room.start, room.timeZone, "en")}, {formatTimeRange(room.start, room.end, room.timeZone, "en")} ({zone})
      </p>
      <div className="mt-6">
        {room.phase === "early" ? (
          <p role="status">
            The room opens at {formatTime(room.opensAt, room.timeZone, "en")} on {formatLongDate(room.opensAt, room.timeZone, "en")}, 15 minutes before the visit.
          </p>
        ) : room.phase === "closed" ? (
          <p role="status">The room closed at {formatTime(room.closesAt, room.timeZone, "en")}, an hour after the visit ended.</p>
        ) : room.phase === "cancelled" ? (
          <p role="status">This visit was cancelled.</p>
        ) : room.externalUrl ? (
          <p>
            This practice holds video visits on another service:{" "}
            <a className="font-semibold text-teal-900 underline" href={room.externalUrl} rel="noopener noreferrer" target="_blank">
              open the meeting<span className="sr-only"> (opens in a new tab)</span>
            </a>
            .
          </p>
        ) : (
          <VideoRoom lang="en" side={{ kind: "therapist", appointmentId: room.appointmentId }} otherName={room.patientName} />
        )}
      </div>
    </>
  );
}
