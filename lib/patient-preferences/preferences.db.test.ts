import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookedLongAgo, bookVisit, ctx, remindersOf, startIn, zoneAtLocalHour } from "../../test/reminder-visits";
import { hashManageToken } from "../booking/manage-token";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { startMailCatcher, type MailCatcher } from "../mail/catcher";
import { COMPOSERS } from "../message-templates/registry";
import { sendMessage } from "../messages/send";
import { queueDueReminders } from "../reminders/mutations";
import { findReminderPreferences } from "./data";
import { saveReminderPreferences } from "./mutations";

let catcher: MailCatcher;
let transport: nodemailer.Transporter;

beforeAll(async () => {
  catcher = await startMailCatcher(getPrisma);
  transport = nodemailer.createTransport({ url: catcher.url, ignoreTLS: true } as Parameters<typeof nodemailer.createTransport>[0]);
});

afterAll(async () => {
  transport.close();
  await catcher.close();
});

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

/** A patient reminded of a visit tomorrow, and the preferences link that reminder carried. */
async function remindedPatient() {
  const zone = zoneAtLocalHour(12);
  const visit = await bookVisit(zone, startIn(22, zone));
  await bookedLongAgo(visit.booked.id);
  await queueDueReminders(new Date());
  const [reminder] = await remindersOf(visit.booked.id);
  expect(await sendMessage(reminder!.id, COMPOSERS, transport)).toBe("sent");
  const mail = await getPrisma().caughtMail.findFirstOrThrow({ where: { rcptTo: { has: visit.patient.email } }, orderBy: { receivedAt: "desc" } });
  const { text } = await simpleParser(Buffer.from(mail.raw));
  const token = /\/preferences\/([A-Za-z0-9_-]{43})/.exec(text!)![1]!;
  const { patientId } = await getPrisma().appointment.findUniqueOrThrow({ where: { id: visit.booked.id } });
  return { ...visit, zone, token, patientId };
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
