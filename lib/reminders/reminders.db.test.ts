import { simpleParser } from "mailparser";
import { DateTime } from "luxon";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createStaffMember } from "../../test/fixtures";
import { bookedLongAgo, bookVisit, ctx, HOUR, remindersOf, startIn, withMailCatcher, zoneAtLocalHour } from "../../test/reminder-visits";
import { moveAppointment } from "../appointments/mutations";
import { cancelBooking, openBooking, rescheduleBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { startWorker } from "../jobs/queue";
import { closeMailTransport } from "../mail/transport";
import { COMPOSERS } from "../message-templates/registry";
import { messageTasks } from "../message-templates/tasks";
import { sendMessage } from "../messages/send";
import { createTwilioProvider } from "../sms/twilio-provider";
import { startFakeTwilio } from "../../test/fake-twilio";
import { queueDueReminders } from "./mutations";

// Reminders over a real SMTP conversation and the real queue (the clocks: test/reminder-visits.ts).

const smtp = withMailCatcher();

beforeAll(async () => {
  await getPrisma().practice.upsert({ where: { id: 1 }, create: { id: 1, name: "Reminder Test Practice" }, update: {} });
});

afterEach(async () => {
  await getPrisma().practice.update({ where: { id: 1 }, data: { emailReminderHours: 24, smsReminderHours: 2 } });
});

async function mailTo(recipient: string) {
  const rows = await getPrisma().caughtMail.findMany({ where: { rcptTo: { has: recipient } }, orderBy: { receivedAt: "asc" } });
  return Promise.all(rows.map((row) => simpleParser(Buffer.from(row.raw))));
}

describe("the reminder sweep", () => {
  it("queues the email reminder 24 hours ahead, and it arrives with the visit, the answer links and the way to stop reminders", async () => {
    const zone = zoneAtLocalHour(12);
    const { patient, booked } = await bookVisit(zone, startIn(22, zone));
    await bookedLongAgo(booked.id);
    await queueDueReminders(new Date());
    const [reminder, ...more] = await remindersOf(booked.id);
    expect(more).toHaveLength(0);
    const start = (await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).startsAt;
    expect(reminder).toMatchObject({ channel: "EMAIL", recipient: patient.email, dedupeKey: `reminder:email:${booked.id}:${start.toISOString()}` });
    expect(reminder!.sendAfter.getTime()).toBe(start.getTime() - 24 * HOUR);

    expect(await sendMessage(reminder!.id, COMPOSERS, smtp.transport)).toBe("sent");
    const [mail] = await mailTo(patient.email);
    expect(mail!.subject).toMatch(/^Reminder: your visit on \w+day, \w+ \d+ at \d+:00\s?[AP]M$/);
    expect(mail!.html).toMatch(/<h1[^>]*>Your visit is coming up<\/h1>/);
    expect(mail!.text).toMatch(/I'll be there:\n\S+\/en\/attendance\/[A-Za-z0-9_-]{43}\?answer=coming/);
    expect(mail!.text).toMatch(/I need to change:\n\S+\/en\/attendance\/[A-Za-z0-9_-]{43}\?answer=change/);
    expect(mail!.text).toMatch(/Choose how we remind you:\n\S+\/en\/preferences\/[A-Za-z0-9_-]{43}/);
    const manage = /\/en\/manage\/([A-Za-z0-9_-]{43})/.exec(mail!.text!)![1]!;
    expect((await openBooking(manage, ctx())).appointment.id).toBe(booked.id);
    // Only hashes are stored: the link's token appears nowhere in the database.
    const links = await getPrisma().patientLink.findMany({ where: { messageId: reminder!.id } });
    expect(links.map((l) => l.purpose).sort()).toEqual(["ATTENDANCE", "MANAGE", "PREFERENCES"]);
    expect(links.find((l) => l.purpose === "PREFERENCES")!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 89 * 24 * HOUR);

    // A second sweep queues nothing again.
    await queueDueReminders(new Date());
    expect(await remindersOf(booked.id)).toHaveLength(1);
  });

  it("speaks Spanish to a visit booked in Spanish", async () => {
    const zone = zoneAtLocalHour(12);
    const { patient, booked } = await bookVisit(zone, startIn(22, zone), "es");
    await bookedLongAgo(booked.id);
    await queueDueReminders(new Date());
    const [reminder] = await remindersOf(booked.id);
    expect(await sendMessage(reminder!.id, COMPOSERS, smtp.transport)).toBe("sent");
    const [mail] = await mailTo(patient.email);
    expect(mail!.subject).toMatch(/^Recordatorio: su cita del /);
    expect(mail!.html).toContain('<html lang="es">');
    expect(mail!.text).toContain("Ahí estaré:");
    expect(mail!.text).toMatch(/\/es\/preferences\//);
  });

  it("queues a reminder only once it comes due within the sweep's look-ahead, with its due time as the earliest send", async () => {
    const zone = zoneAtLocalHour(12);
    // Midday the day after tomorrow: due at midday tomorrow, outside quiet hours.
    const { booked } = await bookVisit(zone, startIn(48, zone));
    const start = (await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).startsAt.getTime();
    await queueDueReminders(new Date(start - 24 * HOUR - 60 * 60 * 1000));
    expect(await remindersOf(booked.id)).toHaveLength(0);
    await queueDueReminders(new Date(start - 24 * HOUR - 10 * 60 * 1000));
    const [reminder] = await remindersOf(booked.id);
    expect(reminder!.sendAfter.getTime()).toBe(start - 24 * HOUR);
  });

  it("gives a visit cancelled after its reminder was queued nothing", async () => {
    const zone = zoneAtLocalHour(12);
    const { patient, booked } = await bookVisit(zone, startIn(22, zone));
    await bookedLongAgo(booked.id);
    await queueDueReminders(new Date());
    await cancelBooking(booked.manageToken, {}, ctx());
    const [reminder] = await remindersOf(booked.id);
    expect(await sendMessage(reminder!.id, COMPOSERS, smtp.transport)).toBe("skipped");
    expect(await getPrisma().message.findUniqueOrThrow({ where: { id: reminder!.id } })).toMatchObject({ status: "SKIPPED", lastError: "The visit is cancelled now." });
    expect((await mailTo(patient.email)).filter((m) => m.subject?.startsWith("Reminder"))).toHaveLength(0);
  });

  it("sends nothing for the old time of a visit the desk moved, and reminds of the new time", async () => {
    const zone = zoneAtLocalHour(12);
    const { practice, patient, booked } = await bookVisit(zone, startIn(22, zone));
    await bookedLongAgo(booked.id);
    await queueDueReminders(new Date());
    const [old] = await remindersOf(booked.id);
    const desk = await createStaffMember("FRONT_DESK");
    const moved = await moveAppointment(desk, booked.id, { start: startIn(23, zone), therapistId: practice.therapists[0]!.id }, ctx());
    expect(await sendMessage(old!.id, COMPOSERS, smtp.transport)).toBe("skipped");
    expect((await getPrisma().message.findUniqueOrThrow({ where: { id: old!.id } })).lastError).toMatch(/was moved/);
    // Moved just now, inside the 24-hour lead time: the change notice covers it, no second reminder.
    await queueDueReminders(new Date());
    expect(await remindersOf(booked.id)).toHaveLength(1);
    // Had it been moved a week ago, its new time gets a reminder of its own.
    await bookedLongAgo(booked.id);
    await queueDueReminders(new Date());
    const reminders = await remindersOf(booked.id);
    expect(reminders).toHaveLength(2);
    expect(reminders[1]!.dedupeKey).toBe(`reminder:email:${booked.id}:${moved.startsAt.toISOString()}`);
    expect(await sendMessage(reminders[1]!.id, COMPOSERS, smtp.transport)).toBe("sent");
    expect(await mailTo(patient.email)).toHaveLength(1);
  });

  it("sends nothing for the old time of a visit the patient rescheduled", async () => {
    const zone = zoneAtLocalHour(12);
    const { booked } = await bookVisit(zone, startIn(22, zone));
    await bookedLongAgo(booked.id);
    await queueDueReminders(new Date());
    const [old] = await remindersOf(booked.id);
    const moved = await rescheduleBooking(booked.manageToken, { start: startIn(40, zone) }, ctx());
    expect(await sendMessage(old!.id, COMPOSERS, smtp.transport)).toBe("skipped");
    expect(await remindersOf(moved.id)).toHaveLength(0);
  });

  it("moves a reminder due in quiet hours to 20:45 the evening before, in the location's zone", async () => {
    const zone = "America/Denver";
    await getPrisma().practice.update({ where: { id: 1 }, data: { emailReminderHours: 2 } });
    const day = DateTime.now().setZone(zone).plus({ days: 5 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    const { booked } = await bookVisit(zone, day.toISO({ suppressMilliseconds: true })!);
    const evening = day.minus({ days: 1 }).set({ hour: 20, minute: 45 });
    await queueDueReminders(evening.minus({ minutes: 10 }).toJSDate());
    const [reminder] = await remindersOf(booked.id);
    expect(DateTime.fromJSDate(reminder!.sendAfter, { zone }).toFormat("yyyy-MM-dd HH:mm")).toBe(evening.toFormat("yyyy-MM-dd HH:mm"));
  });

  it("counts real hours across the change to daylight saving time, then moves out of quiet hours", async () => {
    // Denver's clocks jump from 02:00 to 03:00 on the second Sunday of March; the visit is that morning at 08:30.
    const zone = "America/Denver";
    const secondSundayOfMarch = (year: number) => {
      const first = DateTime.fromObject({ year, month: 3, day: 1, hour: 8, minute: 30 }, { zone });
      return first.plus({ days: ((7 - first.weekday) % 7) + 7 });
    };
    let start = secondSundayOfMarch(DateTime.now().setZone(zone).year);
    if (start.toMillis() < Date.now() + 3 * 24 * HOUR) start = secondSundayOfMarch(start.year + 1);
    expect(start.offset - start.minus({ days: 1 }).offset).toBe(60);
    const { booked } = await bookVisit(zone, start.toISO({ suppressMilliseconds: true })!, "en", 400);
    const friday = start.minus({ days: 2 });
    const saturday = start.minus({ days: 1 });
    await queueDueReminders(friday.set({ hour: 20, minute: 40 }).toJSDate(), { textMessages: true });
    await queueDueReminders(saturday.set({ hour: 20, minute: 40 }).toJSDate(), { textMessages: true });
    const reminders = await remindersOf(booked.id);
    const local = (channel: string) => DateTime.fromJSDate(reminders.find((r) => r.channel === channel)!.sendAfter, { zone }).toFormat("yyyy-MM-dd HH:mm ZZZZ");
    // Email, 24 real hours before: 07:30 MST on Saturday, quiet, so Friday 20:45 MST.
    expect(local("EMAIL")).toBe(`${friday.toFormat("yyyy-MM-dd")} 20:45 MST`);
    // Text, 2 real hours before: 06:30 MDT on Sunday (not 06:30 minus the lost hour), quiet, so Saturday 20:45 MST.
    expect(local("SMS")).toBe(`${saturday.toFormat("yyyy-MM-dd")} 20:45 MST`);
  });

  it("gives a visit booked inside a reminder's lead time no separate reminder of that kind", async () => {
    const zone = zoneAtLocalHour(12);
    const { booked } = await bookVisit(zone, startIn(20, zone));
    await queueDueReminders(new Date());
    expect(await remindersOf(booked.id)).toHaveLength(0);
  });

  it("queues text-message reminders only when text messages are set up", async () => {
    const zone = zoneAtLocalHour(12);
    const { booked } = await bookVisit(zone, startIn(3, zone));
    await bookedLongAgo(booked.id);
    const start = (await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).startsAt.getTime();
    await queueDueReminders(new Date(start - 2 * HOUR - 60_000), { textMessages: false });
    expect((await remindersOf(booked.id)).map((r) => r.channel)).toEqual([]);
    await queueDueReminders(new Date(start - 2 * HOUR - 60_000), { textMessages: true });
    const [sms] = await remindersOf(booked.id);
    expect(sms).toMatchObject({ channel: "SMS", recipient: "+19155550100", dedupeKey: `reminder:sms:${booked.id}:${new Date(start).toISOString()}` });

    // Sent through the real Twilio SDK to a fake Twilio: short, with the reply words and the answer links.
    const twilio = await startFakeTwilio();
    try {
      const provider = createTwilioProvider({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: "+12015550100", apiUrl: twilio.url });
      expect(await sendMessage(sms!.id, COMPOSERS, undefined, provider)).toBe("sent");
      const [text, ...more] = twilio.received;
      expect(more).toHaveLength(0);
      expect(text!.to).toBe("+19155550100");
      expect(text!.body).toMatch(/Reply C if you'll be there or R to change it/);
      const coming = /(https?:\/\/\S+\/attendance\/[A-Za-z0-9_-]{43}\?answer=coming)/.exec(text!.body)?.[1];
      expect(coming).toBeDefined();
    } finally {
      await twilio.close();
    }
  });

  it("writes the Spanish text-message reminder with one period after the time, “p.m.” or “a.m.”", async () => {
    const zone = zoneAtLocalHour(12);
    const { booked } = await bookVisit(zone, startIn(3, zone), "es");
    await bookedLongAgo(booked.id);
    const start = (await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).startsAt.getTime();
    await queueDueReminders(new Date(start - 2 * HOUR - 60_000), { textMessages: true });
    const [sms] = await remindersOf(booked.id);
    const twilio = await startFakeTwilio();
    try {
      const provider = createTwilioProvider({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: "+12015550100", apiUrl: twilio.url });
      expect(await sendMessage(sms!.id, COMPOSERS, undefined, provider)).toBe("sent");
      const [text] = twilio.received;
      expect(text!.body).toMatch(/: recordatorio de su cita el \S+, \d+ de \S+ a las \d+:00\s[ap]\.\s?m\. Responda C si vendrá o R para cambiarla, o abra \S+\/es\/attendance\//);
      expect(text!.body).not.toMatch(/m\.\./);
    } finally {
      await twilio.close();
    }
  });

  it("names the practice's fees in a text-message reminder of a visit whose service saves a card", async () => {
    const zone = zoneAtLocalHour(12);
    const { booked } = await bookVisit(zone, startIn(3, zone), "es");
    await bookedLongAgo(booked.id);
    const prisma = getPrisma();
    const visit = await prisma.appointment.findUniqueOrThrow({ where: { id: booked.id } });
    await prisma.service.update({ where: { id: visit.serviceId }, data: { paymentRule: "CARD_ON_FILE" } });
    await prisma.practice.update({ where: { id: 1 }, data: { lateCancelFeeCents: 2500, noShowFeeCents: 4000 } });
    await queueDueReminders(new Date(visit.startsAt.getTime() - 2 * HOUR - 60_000), { textMessages: true });
    const [sms] = await remindersOf(booked.id);
    const twilio = await startFakeTwilio();
    try {
      const provider = createTwilioProvider({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: "+12015550100", apiUrl: twilio.url });
      expect(await sendMessage(sms!.id, COMPOSERS, undefined, provider)).toBe("sent");
      const [text] = twilio.received;
      expect(text!.body).toMatch(/[ap]\.\s?m\. Cancelar con menos de 24 horas de antelación: cargo de \$25\.00\. Si falta a la cita: cargo de \$40\.00\. Responda C si vendrá/);
    } finally {
      await twilio.close();
      await prisma.practice.update({ where: { id: 1 }, data: { lateCancelFeeCents: 0, noShowFeeCents: 0 } });
    }
  });

  it("honours a patient's opt-out for reminders but still sends the confirmation", async () => {
    const zone = zoneAtLocalHour(12);
    const { patient, booked } = await bookVisit(zone, startIn(22, zone));
    await bookedLongAgo(booked.id);
    await queueDueReminders(new Date());
    const [queued] = await remindersOf(booked.id);
    // Turned off after the reminder was queued: decided at send time.
    const visit = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    await getPrisma().patient.update({ where: { id: visit.patientId }, data: { emailRemindersOff: true } });
    expect(await sendMessage(queued!.id, COMPOSERS, smtp.transport)).toBe("skipped");
    expect((await getPrisma().message.findUniqueOrThrow({ where: { id: queued!.id } })).lastError).toBe("The patient turned off reminders by email.");
    const confirmation = await getPrisma().message.findFirstOrThrow({ where: { appointmentId: booked.id, kind: "confirmation" } });
    expect(await sendMessage(confirmation.id, COMPOSERS, smtp.transport)).toBe("sent");
    expect((await mailTo(patient.email)).map((m) => m.subject)).toEqual([expect.stringMatching(/is booked$/)]);

    // A visit of a patient who opted out before gets no reminder queued at all.
    const second = await bookVisit(zone, startIn(21, zone));
    const secondVisit = await getPrisma().appointment.findUniqueOrThrow({ where: { id: second.booked.id } });
    await getPrisma().patient.update({ where: { id: secondVisit.patientId }, data: { emailRemindersOff: true } });
    await bookedLongAgo(second.booked.id);
    await queueDueReminders(new Date());
    expect(await remindersOf(second.booked.id)).toHaveLength(0);
  });

  it("skips a reminder whose worker reaches it deep in the night at the visit's location", async () => {
    const zone = zoneAtLocalHour(3);
    const { patient, booked } = await bookVisit(zone, startIn(22, zone));
    await bookedLongAgo(booked.id);
    const start = (await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).startsAt.getTime();
    // The visit is at 02:00 tomorrow; its reminder, due at 02:00 today, was moved to 20:45
    // yesterday and queued then; the worker was down until now, 3 am.
    await queueDueReminders(new Date(start - 29.5 * HOUR));
    const [reminder] = await remindersOf(booked.id);
    expect(reminder).toBeDefined();
    expect(await sendMessage(reminder!.id, COMPOSERS, smtp.transport)).toBe("skipped");
    expect((await getPrisma().message.findUniqueOrThrow({ where: { id: reminder!.id } })).lastError).toMatch(/quiet hours/);
    expect(await mailTo(patient.email)).toHaveLength(0);
  });

  it("is sent once by two workers", async () => {
    const zone = zoneAtLocalHour(12);
    const { patient, booked } = await bookVisit(zone, startIn(22, zone));
    await bookedLongAgo(booked.id);
    const previousSmtp = process.env.SMTP_URL;
    process.env.SMTP_URL = smtp.catcher.url;
    const url = process.env.DATABASE_URL!;
    const workers = await Promise.all([startWorker(url, messageTasks, { concurrency: 4 }), startWorker(url, messageTasks, { concurrency: 4 })]);
    try {
      await queueDueReminders(new Date());
      const [reminder] = await remindersOf(booked.id);
      for (let i = 0; i < 300; i++) {
        const row = await getPrisma().message.findUniqueOrThrow({ where: { id: reminder!.id } });
        if (row.status !== "QUEUED") break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await getPrisma().message.findUniqueOrThrow({ where: { id: reminder!.id } })).status).toBe("SENT");
      // The confirmation went too; one reminder among them.
      const mails = await mailTo(patient.email);
      expect(mails.filter((m) => m.subject?.startsWith("Reminder"))).toHaveLength(1);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      closeMailTransport();
      if (previousSmtp === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = previousSmtp;
    }
  });
});
