import "server-only";
import { hashManageToken, looksLikeManageToken } from "../booking/manage-token";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { patientIdForPreferencesLink } from "../patient-links/data";

export interface ReminderPreferences {
  patientId: string;
  firstName: string;
  emailRemindersOff: boolean;
  smsRemindersOff: boolean;
}

type Db = Pick<Prisma.TransactionClient, "patientLink" | "appointment" | "patient">;

/** The reminder settings a preferences link opens, while the link lasts; null for a link that is not one. */
export async function findReminderPreferences(token: string, now: Date, db: Db = getPrisma()): Promise<ReminderPreferences | null> {
  if (!looksLikeManageToken(token)) return null;
  const patientId = await patientIdForPreferencesLink(db, hashManageToken(token), now);
  if (!patientId) return null;
  const patient = await db.patient.findUnique({ where: { id: patientId }, select: { id: true, firstName: true, emailRemindersOff: true, smsRemindersOff: true } });
  if (!patient) return null;
  return { patientId: patient.id, firstName: patient.firstName, emailRemindersOff: patient.emailRemindersOff, smsRemindersOff: patient.smsRemindersOff };
}
