import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffMember } from "../../test/fixtures";
import { bookedLongAgo, bookVisit, ctx, remindersOf, startIn, zoneAtLocalHour } from "../../test/reminder-visits";
import { moveAppointment } from "../appointments/mutations";
import { cancelBooking, rescheduleBooking } from "../booking/mutations";
import { loadCalendar } from "../calendar/data";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { startMailCatcher, type MailCatcher } from "../mail/catcher";
import { COMPOSERS } from "../message-templates/registry";
import { sendMessage } from "../messages/send";
import { queueDueReminders } from "../reminders/mutations";
import { findAttendanceVisit } from "./data";
import { answerAttendance } from "./mutations";

// A reminder's answer links, from the mail that really went out to the
// visit and the calendar the desk sees.

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

/** A visit tomorrow whose email reminder was sent; the token its answer links carry. */
async function remindedVisit() {
  const zone = zoneAtLocalHour(12);
  const visit = await bookVisit(zone, startIn(22, zone));
  await bookedLongAgo(visit.booked.id);
  await queueDueReminders(new Date());
  const [reminder] = await remindersOf(visit.booked.id);
  expect(await sendMessage(reminder!.id, COMPOSERS, transport)).toBe("sent");
  const mail = await getPrisma().caughtMail.findFirstOrThrow({ where: { rcptTo: { has: visit.patient.email } }, orderBy: { receivedAt: "desc" } });
  const { text } = await simpleParser(Buffer.from(mail.raw));
  const token = /\/attendance\/([A-Za-z0-9_-]{43})\?answer=coming/.exec(text!)![1]!;
  return { ...visit, zone, token };
}

async function calendarEntry(practice: Awaited<ReturnType<typeof bookVisit>>["practice"], appointmentId: string, zone: string) {
  const admin = await createStaffMember("ADMIN");
  const visit = await getPrisma().appointment.findUniqueOrThrow({ where: { id: appointmentId } });
  const date = visit.startsAt.toLocaleDateString("en-CA", { timeZone: zone });
  const board = await loadCalendar(admin, { location: practice.location.id, view: "day", date });
  return board.appointments.find((a) => a.id === appointmentId)!;
}

describe("a reminder's answer links", () => {
  it("record 'I'll be there' on the visit, audited, shown on the calendar, and cleared when the desk moves the visit", async () => {
    const { practice, booked, token, zone } = await remindedVisit();
    const found = await findAttendanceVisit(token, new Date(), "en");
    expect(found).toMatchObject({ appointmentId: booked.id, status: "BOOKED", patientConfirmedAt: null, changeRequestedAt: null });
    expect(found!.manageUrl).toMatch(/\/en\/manage\/[A-Za-z0-9_-]{43}$/);
    expect((await calendarEntry(practice, booked.id, zone)).patientConfirmed).toBe(false);

    await answerAttendance(token, "coming", ctx());
    await answerAttendance(token, "coming", ctx());
    const confirmed = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(confirmed.patientConfirmedAt).not.toBeNull();
    expect(await getPrisma().auditLog.count({ where: { entityId: booked.id, action: "appointment.patient-confirm", actor: "patient via reminder link" } })).toBe(1);
    expect(await calendarEntry(practice, booked.id, zone)).toMatchObject({ patientConfirmed: true, changeRequested: false });

    const desk = await createStaffMember("FRONT_DESK");
    await moveAppointment(desk, booked.id, { start: startIn(24, zone), therapistId: practice.therapists[0]!.id }, ctx());
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).patientConfirmedAt).toBeNull();
    expect((await calendarEntry(practice, booked.id, zone)).patientConfirmed).toBe(false);
  });

  it("record 'I need to change', which replaces an earlier 'I'll be there', and offer the manage page", async () => {
    const { practice, booked, token, zone } = await remindedVisit();
    await answerAttendance(token, "coming", ctx());
    await answerAttendance(token, "change", ctx());
    const visit = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(visit.changeRequestedAt).not.toBeNull();
    expect(visit.patientConfirmedAt).toBeNull();
    expect(await calendarEntry(practice, booked.id, zone)).toMatchObject({ patientConfirmed: false, changeRequested: true });
    expect(await getPrisma().auditLog.count({ where: { entityId: booked.id, action: "appointment.change-request" } })).toBe(1);
  });

  it("answer for the visit a booking became after the patient rescheduled it", async () => {
    const { booked, token, zone } = await remindedVisit();
    const moved = await rescheduleBooking(booked.manageToken, { start: startIn(30, zone) }, ctx());
    await answerAttendance(token, "coming", ctx());
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: moved.id } })).patientConfirmedAt).not.toBeNull();
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).patientConfirmedAt).toBeNull();
  });

  it("refuse a cancelled visit and a link that is not one, changing nothing", async () => {
    const { booked, token } = await remindedVisit();
    await cancelBooking(booked.manageToken, {}, ctx());
    expect(codeOf(await answerAttendance(token, "coming", ctx()).catch((e: unknown) => e))).toBe("INVALID_TRANSITION");
    expect(codeOf(await answerAttendance("A".repeat(43), "coming", ctx()).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect(codeOf(await answerAttendance("short", "coming", ctx()).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).patientConfirmedAt).toBeNull();
  });

  it("do not open through a manage link's token, nor a manage link through theirs", async () => {
    const { booked, token } = await remindedVisit();
    expect(await findAttendanceVisit(booked.manageToken, new Date(), "en")).toBeNull();
    const { openBooking } = await import("../booking/mutations");
    expect(codeOf(await openBooking(token, ctx()).catch((e: unknown) => e))).toBe("NOT_FOUND");
  });
});
