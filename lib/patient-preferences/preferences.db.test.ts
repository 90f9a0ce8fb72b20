import { describe, expect, it } from "vitest";
import { bookedLongAgo, ctx, remindedVisit, remindersOf, startIn, withMailCatcher } from "../../test/reminder-visits";
import { hashManageToken } from "../booking/manage-token";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { queueDueReminders } from "../reminders/mutations";
import { findReminderPreferences } from "./data";
import { saveReminderPreferences } from "./mutations";

const mail = withMailCatcher();

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

/** A patient reminded of a visit tomorrow, and the preferences link that reminder carried. */
async function remindedPatient() {
  const visit = await remindedVisit(mail.transport);
  return { ...visit, token: /\/preferences\/([A-Za-z0-9_-]{43})/.exec(visit.text)![1]! };
}

describe("reminder preferences", () => {
  it("turn email reminders off from the link in a reminder, audited, and the next visit gets none by email", async () => {
    const { token, patientId, patient, zone, practice } = await remindedPatient();
    expect(await findReminderPreferences(token, new Date())).toMatchObject({ patientId, firstName: patient.firstName, emailRemindersOff: false, smsRemindersOff: false });

    await saveReminderPreferences(token, { smsReminders: "on" }, ctx());
    expect(await getPrisma().patient.findUniqueOrThrow({ where: { id: patientId } })).toMatchObject({ emailRemindersOff: true, smsRemindersOff: false });
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: patientId, action: "patient.reminder-preferences" } });
    expect(audit).toMatchObject({ actor: "patient via reminder link", patientId, detail: { emailRemindersOff: true, smsRemindersOff: false } });
    // Saving the same choice again writes nothing more.
    await saveReminderPreferences(token, { smsReminders: "on" }, ctx());
    expect(await getPrisma().auditLog.count({ where: { entityId: patientId, action: "patient.reminder-preferences" } })).toBe(1);

    const { createBooking } = await import("../booking/mutations");
    const next = await createBooking(
      { service: practice.service.id, start: startIn(23, zone), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient, language: "en" },
      ctx(),
    );
    await bookedLongAgo(next.id);
    await queueDueReminders(new Date());
    expect(await remindersOf(next.id)).toHaveLength(0);

    // And back on.
    await saveReminderPreferences(token, { emailReminders: "on", smsReminders: "on" }, ctx());
    await queueDueReminders(new Date());
    expect(await remindersOf(next.id)).toHaveLength(1);
  });

  it("stop working when the link expires, and refuse a token that is not a preferences link", async () => {
    const { token, booked, patientId } = await remindedPatient();
    await getPrisma().patientLink.update({ where: { tokenHash: hashManageToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findReminderPreferences(token, new Date())).toBeNull();
    expect(codeOf(await saveReminderPreferences(token, {}, ctx()).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect(codeOf(await saveReminderPreferences(booked.manageToken, {}, ctx()).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect(await getPrisma().patient.findUniqueOrThrow({ where: { id: patientId } })).toMatchObject({ emailRemindersOff: false, smsRemindersOff: false });
  });
});
