import "server-only";
import type { PatientLinkPurpose, Prisma } from "../db/generated/client";

type Db = Pick<Prisma.TransactionClient, "patientLink" | "appointment">;

/**
 * The visit a message's booking link opens now: the newest row of its
 * booking, so a link sent before a reschedule opens the visit it became.
 */
export async function appointmentIdForLink(db: Db, tokenHash: string, purpose: Exclude<PatientLinkPurpose, "PREFERENCES">): Promise<string | null> {
  const link = await db.patientLink.findUnique({ where: { tokenHash }, select: { purpose: true, bookingId: true } });
  if (!link || link.purpose !== purpose || !link.bookingId) return null;
  const current = await db.appointment.findFirst({ where: { bookingId: link.bookingId }, orderBy: [{ revision: "desc" }, { createdAt: "desc" }], select: { id: true } });
  return current?.id ?? null;
}

/** The patient behind a preferences link, while it lasts. */
export async function patientIdForPreferencesLink(db: Db, tokenHash: string, now: Date): Promise<string | null> {
  const link = await db.patientLink.findUnique({ where: { tokenHash }, select: { purpose: true, patientId: true, expiresAt: true } });
  if (!link || link.purpose !== "PREFERENCES" || !link.expiresAt || link.expiresAt.getTime() <= now.getTime()) return null;
  return link.patientId;
}
