import "server-only";
import type { StaffMember } from "../auth/mutations";
import { visitStatusFilter } from "../db/appointment-status";
import { getPrisma } from "../db/client";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import { assertMayHostVideoVisit } from "./access";
import type { WaitingPatientDto } from "./api-types";
import { fillMeetingTemplate, hashVideoJoinToken, looksLikeJoinToken } from "./join-token";
import { roomPhase, roomWindow } from "./room-window";
import { appointmentIdForLink } from "../patient-links/data";

/** A tab that has not polled for this long is treated as gone. */
export const PRESENCE_TIMEOUT_MS = 25_000;

export type VisitRoomPhase = "early" | "open" | "closed" | "cancelled";

export interface VisitRoomSummary {
  appointmentId: string;
  phase: VisitRoomPhase;
  /** Instants as ISO 8601 with the location's offset. */
  opensAt: string;
  closesAt: string;
  start: string;
  end: string;
  timeZone: string;
  language: "en" | "es";
  therapistName: string;
  patientName: string;
  serviceName: { en: string; es: string };
  /** Set when the practice holds video visits on another meeting service. */
  externalUrl: string | null;
}

/** The meeting link on the configured external service, if there is one. */
export function externalMeetingUrl(joinTokenHash: string | null): string | null {
  const template = getEnv().VIDEO_MEETING_URL_TEMPLATE;
  if (!template || !joinTokenHash) return null;
  return fillMeetingTemplate(template, joinTokenHash);
}

type RoomAppointment = NonNullable<Awaited<ReturnType<typeof loadRoomAppointment>>>;

function loadRoomAppointment(where: { id: string }) {
  return getPrisma().appointment.findUnique({
    // A held time (paid for online, not yet booked) has no room yet.
    where: { ...where, status: visitStatusFilter() },
    include: { patient: true, therapist: true, service: true, location: true },
  });
}

export function phaseOf(a: { status: string; startsAt: Date; endsAt: Date }, now: Date): VisitRoomPhase {
  if (a.status === "CANCELLED" || a.status === "NO_SHOW") return "cancelled";
  return roomPhase(roomWindow(a.startsAt.getTime(), a.endsAt.getTime()), now.getTime());
}

function summarise(a: RoomAppointment, now: Date): VisitRoomSummary {
  const zone = a.location.timeZone;
  const window = roomWindow(a.startsAt.getTime(), a.endsAt.getTime());
  return {
    appointmentId: a.id,
    phase: phaseOf(a, now),
    opensAt: formatInstantWithOffset(window.opensAt, zone),
    closesAt: formatInstantWithOffset(window.closesAt, zone),
    start: formatInstantWithOffset(a.startsAt.getTime(), zone),
    end: formatInstantWithOffset(a.endsAt.getTime(), zone),
    timeZone: zone,
    language: a.language,
    therapistName: `${a.therapist.firstName} ${a.therapist.lastName}`,
    // The name this visit was booked under: the join page is the patient's, like the manage page.
    patientName: `${a.patientFirstName ?? a.patient.firstName} ${a.patientLastName ?? a.patient.lastName}`,
    serviceName: { en: a.service.nameEn, es: a.service.nameEs },
    externalUrl: externalMeetingUrl(a.videoJoinTokenHash),
  };
}

/**
 * The visit a join link opens: the link the visit was booked with, or one a
 * message carried, which follows its booking through reschedules.
 */
export async function appointmentIdForJoinToken(joinToken: string): Promise<string | null> {
  const prisma = getPrisma();
  const hash = hashVideoJoinToken(joinToken);
  // A held time's link opens nothing until it is paid for and booked.
  const own = await prisma.appointment.findUnique({ where: { videoJoinTokenHash: hash, status: visitStatusFilter() }, select: { id: true } });
  return own?.id ?? appointmentIdForLink(prisma, hash, "VIDEO");
}

/** The video visit behind a patient's join link, or null for an unknown link or a visit that is not by video. */
export async function findVisitRoom(joinToken: string, now: Date): Promise<VisitRoomSummary | null> {
  if (!looksLikeJoinToken(joinToken)) return null;
  const id = await appointmentIdForJoinToken(joinToken);
  const appointment = id ? await loadRoomAppointment({ id }) : null;
  if (!appointment || appointment.mode !== "VIDEO") return null;
  return summarise(appointment, now);
}

/** A video visit as its therapist (or an admin) enters it. */
export async function findStaffVisitRoom(staff: StaffMember, appointmentId: string, now: Date): Promise<VisitRoomSummary> {
  const appointment = await loadRoomAppointment({ id: appointmentId });
  if (!appointment || appointment.mode !== "VIDEO") throw new AppError("NOT_FOUND", "No such video visit.");
  assertMayHostVideoVisit(staff, appointment);
  return summarise(appointment, now);
}

/**
 * Patients waiting to be let in, for the therapist's day view: their own
 * visits (every visit for an admin) whose room is open and whose patient's
 * tab is still polling.
 */
export async function listWaitingPatients(staff: StaffMember, now: Date): Promise<WaitingPatientDto[]> {
  if (staff.role !== "ADMIN" && !(staff.role === "THERAPIST" && staff.therapistId)) {
    throw new AppError("FORBIDDEN", "Only therapists and admins hold video visits.");
  }
  const waiting = await getPrisma().videoParticipant.findMany({
    where: {
      role: "PATIENT",
      state: "WAITING",
      lastSeenAt: { gt: new Date(now.getTime() - PRESENCE_TIMEOUT_MS) },
      appointment: {
        status: { in: ["BOOKED", "CHECKED_IN"] },
        ...(staff.role === "ADMIN" ? {} : { therapistId: staff.therapistId! }),
      },
    },
    include: { appointment: { include: { patient: true, service: true, location: true } } },
    orderBy: { joinedAt: "asc" },
  });
  return waiting
    .filter((p) => phaseOf(p.appointment, now) === "open")
    .map((p) => ({
      appointmentId: p.appointmentId,
      participantId: p.id,
      patientName: `${p.appointment.patient.firstName} ${p.appointment.patient.lastName}`,
      serviceName: p.appointment.service.nameEn,
      start: formatInstantWithOffset(p.appointment.startsAt.getTime(), p.appointment.location.timeZone),
      waitingSince: p.joinedAt.toISOString(),
    }));
}
