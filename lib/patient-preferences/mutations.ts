import "server-only";
import { recordAudit } from "../audit/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { findReminderPreferences } from "./data";
import { reminderPreferencesSchema, type ReminderPreferencesForm } from "./schema";

/**
 * Saves which reminders a patient wants, from the link in a reminder. Only
 * reminders stop: confirmations and notices of changes still go, since they
 * say something the patient does not know yet. Audited with what was chosen.
 */
export async function saveReminderPreferences(token: string, input: ReminderPreferencesForm, ctx: RequestContext): Promise<void> {
  const wanted = reminderPreferencesSchema.parse(input);
  await getPrisma().$transaction(async (tx) => {
    const found = await findReminderPreferences(token, ctx.now, tx);
    if (!found) throw new AppError("NOT_FOUND", "This link is not valid or has expired.");
    const next = { emailRemindersOff: !wanted.emailReminders, smsRemindersOff: !wanted.smsReminders };
    if (next.emailRemindersOff === found.emailRemindersOff && next.smsRemindersOff === found.smsRemindersOff) return;
    await tx.patient.update({ where: { id: found.patientId }, data: next });
    await recordAudit(tx, {
      actor: "patient via reminder link",
      action: "patient.reminder-preferences",
      entity: "Patient",
      entityId: found.patientId,
      patientId: found.patientId,
      ipAddress: ctx.ipAddress,
      detail: next,
    });
  });
}
