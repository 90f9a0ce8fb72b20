import "server-only";
import { hashManageToken, looksLikeManageToken } from "../booking/manage-token";
import { manageUrl } from "../booking/mutations";
import type { AppointmentStatus, Prisma } from "../db/generated/client";
import { getPrisma } from "../db/client";
import { messageLinkToken } from "../patient-links/tokens";

export interface AttendanceVisit {
  appointmentId: string;
  patientId: string;
  status: AppointmentStatus;
  start: string;
  end: string;
  timeZone: string;
  serviceName: { en: string; es: string };
  therapistName: string;
  locationName: string;
  /** The clinic's number to call: the location's own, else the practice's. */
  phone: string | null;
  patientConfirmedAt: Date | null;
  changeRequestedAt: Date | null;
  /** The visit has started or passed: nothing to answer any more. */
  past: boolean;
  /** The manage page, through the manage link of the same reminder. */
  manageUrl: string;
}

type Db = Pick<Prisma.TransactionClient, "patientLink" | "appointment" | "practice">;

/**
 * The visit a reminder's answer link is about: the newest row of its
 * booking, so a link from before a reschedule answers for the visit it
 * became. Null for a link that is not one.
 */
export async function findAttendanceVisit(token: string, now: Date, language: string, db: Db = getPrisma()): Promise<AttendanceVisit | null> {
  if (!looksLikeManageToken(token)) return null;
  const link = await db.patientLink.findUnique({ where: { tokenHash: hashManageToken(token) }, select: { purpose: true, bookingId: true, messageId: true } });
  if (!link || link.purpose !== "ATTENDANCE" || !link.bookingId || !link.messageId) return null;
  const visit = await db.appointment.findFirst({
    where: { bookingId: link.bookingId },
    orderBy: { revision: "desc" },
    include: { service: true, therapist: true, location: true },
  });
  if (!visit) return null;
  return {
    appointmentId: visit.id,
    patientId: visit.patientId,
    status: visit.status,
    start: visit.startsAt.toISOString(),
    end: visit.endsAt.toISOString(),
    timeZone: visit.location.timeZone,
    serviceName: { en: visit.service.nameEn, es: visit.service.nameEs },
    therapistName: `${visit.therapist.firstName} ${visit.therapist.lastName}`,
    locationName: visit.location.name,
    phone: visit.location.phone ?? (await db.practice.findUnique({ where: { id: 1 }, select: { phone: true } }))?.phone ?? null,
    patientConfirmedAt: visit.patientConfirmedAt,
    changeRequestedAt: visit.changeRequestedAt,
    past: visit.startsAt.getTime() <= now.getTime(),
    // The reminder that carried this link carried a manage link too, derived the same way.
    manageUrl: manageUrl(messageLinkToken(link.messageId, "manage", link.bookingId), language),
  };
}
