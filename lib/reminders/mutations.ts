import "server-only";
import { getPrisma } from "../db/client";
import type { Language, MessageChannel } from "../db/generated/client";
import { smsEnabled } from "../sms/config";
import { queueMessage } from "../messages/mutations";
import { reminderDedupeKey } from "./dedupe-key";
import { decideReminder } from "./schedule";

const HOUR_MS = 60 * 60 * 1000;

/** How often the worker sweeps for reminders coming due (a graphile-worker crontab line). */
export const REMINDER_SWEEP_TASK = "queue-due-reminders";
export const REMINDER_CRONTAB = `*/5 * * * * ${REMINDER_SWEEP_TASK}`;

/**
 * How far ahead a sweep queues: more than the time between two sweeps, so a
 * reminder is queued (with its exact due time) before it is due, and a sweep
 * that runs a little late still finds it.
 */
export const SWEEP_AHEAD_MS = 15 * 60 * 1000;

/** The longest a quiet-hours move brings a reminder forward (07:59 to 20:45 the evening before), rounded up. */
const QUIET_SHIFT_MS = 12 * HOUR_MS;

/** Visits written per transaction: each commits its reminders, and a long sweep holds no lock for long. */
const CHUNK = 500;

interface Candidate {
  id: string;
  start: Date;
  startSetAt: Date | null;
  timeZone: string;
  language: Language;
  email: string;
  phone: string;
  emailRemindersOff: boolean;
  smsRemindersOff: boolean;
}

export interface SweepResult {
  queued: number;
}

/**
 * Queues the reminders that come due before `now` + SWEEP_AHEAD_MS for every
 * booked visit, each with its due time as the earliest send: a periodic
 * sweep rather than a job per booking write, so every way a visit comes to
 * be (online, the desk, a move on the calendar, an import, the demo seed)
 * gets its reminders without each remembering to ask, and a moved visit's
 * reminder follows its new time. Any number of sweeps may run at once: a
 * reminder's key (channel, visit, start time) lets only one of them queue it.
 * Whether it is still right to send is decided again when it is sent.
 */
export async function queueDueReminders(now: Date, options: { textMessages?: boolean } = {}): Promise<SweepResult> {
  const textMessages = options.textMessages ?? smsEnabled();
  const prisma = getPrisma();
  const practice = await prisma.practice.findUnique({ where: { id: 1 }, select: { emailReminderHours: true, smsReminderHours: true } });
  const leads: Record<MessageChannel, number> = {
    EMAIL: practice?.emailReminderHours ?? 24,
    SMS: textMessages ? (practice?.smsReminderHours ?? 2) : 0,
  };
  const longest = Math.max(leads.EMAIL, leads.SMS);
  if (longest <= 0) return { queued: 0 };
  const horizon = new Date(now.getTime() + longest * HOUR_MS + QUIET_SHIFT_MS + SWEEP_AHEAD_MS);
  const candidates = await prisma.$queryRaw<Candidate[]>`
    SELECT a."id", a."startsAt" AS "start", a."startSetAt", l."timeZone", a."language", p."email", p."phone",
           p."emailRemindersOff", p."smsRemindersOff"
      FROM "Appointment" a
      JOIN "Location" l ON l."id" = a."locationId"
      JOIN "Patient" p ON p."id" = a."patientId"
     WHERE a."status" = 'BOOKED' AND a."startsAt" > ${now} AND a."startsAt" <= ${horizon}`;

  const due: { channel: MessageChannel; visit: Candidate; dueAt: number }[] = [];
  for (const visit of candidates) {
    for (const channel of ["EMAIL", "SMS"] as const) {
      const off = channel === "EMAIL" ? visit.emailRemindersOff || !visit.email : visit.smsRemindersOff || !visit.phone;
      if (off) continue;
      const decision = decideReminder(
        { start: visit.start.getTime(), leadHours: leads[channel], zone: visit.timeZone, startSetAt: visit.startSetAt?.getTime() ?? null },
        now.getTime(),
      );
      if (decision.send && decision.dueAt <= now.getTime() + SWEEP_AHEAD_MS) due.push({ channel, visit, dueAt: decision.dueAt });
    }
  }

  let queued = 0;
  for (let i = 0; i < due.length; i += CHUNK) {
    const chunk = due.slice(i, i + CHUNK);
    queued += await prisma.$transaction(
      async (tx) => {
        let count = 0;
        for (const { channel, visit, dueAt } of chunk) {
          const id = await queueMessage(tx, {
            kind: "reminder",
            channel,
            recipient: channel === "EMAIL" ? visit.email : visit.phone,
            language: visit.language,
            dedupeKey: reminderDedupeKey(channel, visit.id, visit.start),
            sendAfter: new Date(dueAt),
            appointmentId: visit.id,
          });
          if (id) count += 1;
        }
        return count;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }
  return { queued };
}
