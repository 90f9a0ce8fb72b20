// Visits for reminder tests. The sweep is given its clock; the composer
// reads the real one, so visits whose reminders are sent sit in a zone where
// it is midday now (a fixed-offset Etc zone), and a visit that must meet the
// night sits where it is 3 am now.
import { DateTime } from "luxon";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, beforeAll } from "vitest";
import { createBooking } from "../lib/booking/mutations";
import { getPrisma } from "../lib/db/client";
import { startMailCatcher, type MailCatcher } from "../lib/mail/catcher";
import { COMPOSERS } from "../lib/message-templates/registry";
import { sendMessage } from "../lib/messages/send";
import { queueDueReminders } from "../lib/reminders/mutations";
import { createPractice, patientInput } from "./fixtures";

export const HOUR = 60 * 60 * 1000;

const ALL_DAY = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 24 * 60, visitModes: ["CLINIC" as const, "HOME" as const] }];

/** A fixed-offset zone whose local hour is `hour` now. */
export function zoneAtLocalHour(hour: number): string {
  let offset = (hour - new Date().getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  if (offset === 0) return "Etc/UTC";
  // Etc/GMT signs are inverted: Etc/GMT-5 is five hours ahead of UTC.
  return `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

/** The next whole hour at least `hours` from now, as the booking form sends it. */
export function startIn(hours: number, zone: string): string {
  return DateTime.now().setZone(zone).plus({ hours }).startOf("hour").plus({ hours: 1 }).toISO({ suppressMilliseconds: true })!;
}

export const ctx = () => ({ now: new Date(), ipAddress: "127.0.0.1" });

/** A practice whose one therapist works around the clock, and a visit booked online there. */
export async function bookVisit(zone: string, start: string, language: "en" | "es" = "en", horizonDays = 200) {
  const practice = await createPractice({ timeZone: zone, hours: ALL_DAY, service: { horizonDays } });
  const patient = patientInput();
  const booked = await createBooking(
    { service: practice.service.id, start, mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient, language },
    ctx(),
  );
  return { practice, patient, booked };
}

/** As if the visit had been booked a week ago. */
export async function bookedLongAgo(appointmentId: string) {
  await getPrisma().appointment.update({ where: { id: appointmentId }, data: { startSetAt: new Date(Date.now() - 7 * 24 * HOUR) } });
}

export async function remindersOf(appointmentId: string) {
  return getPrisma().message.findMany({ where: { appointmentId, kind: "reminder" }, orderBy: { queuedAt: "asc" } });
}

/**
 * A mail catcher (the real smtp-server on loopback) and a nodemailer
 * transport to it for the test file that calls this, started before its
 * tests and stopped after them.
 */
export function withMailCatcher() {
  const mail = {} as { catcher: MailCatcher; transport: nodemailer.Transporter };
  beforeAll(async () => {
    mail.catcher = await startMailCatcher(getPrisma);
    mail.transport = nodemailer.createTransport({ url: mail.catcher.url, ignoreTLS: true } as Parameters<typeof nodemailer.createTransport>[0]);
  });
  afterAll(async () => {
    mail.transport.close();
    await mail.catcher.close();
  });
  return mail;
}

/** A visit tomorrow, booked long ago, whose email reminder the sweep queued and was sent; the text that arrived. */
export async function remindedVisit(transport: nodemailer.Transporter) {
  const zone = zoneAtLocalHour(12);
  const visit = await bookVisit(zone, startIn(22, zone));
  await bookedLongAgo(visit.booked.id);
  await queueDueReminders(new Date());
  const [reminder] = await remindersOf(visit.booked.id);
  if ((await sendMessage(reminder!.id, COMPOSERS, transport)) !== "sent") throw new Error("The reminder was not sent.");
  const caught = await getPrisma().caughtMail.findFirstOrThrow({ where: { rcptTo: { has: visit.patient.email } }, orderBy: { receivedAt: "desc" } });
  const { text } = await simpleParser(Buffer.from(caught.raw));
  const { patientId } = await getPrisma().appointment.findUniqueOrThrow({ where: { id: visit.booked.id } });
  return { ...visit, zone, text: text ?? "", patientId };
}
