import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { caughtMailTo as mailTo, withMailCatcher } from "../../test/mail-catcher";
import { bookForCaller, changeAppointmentStatus, moveAppointment } from "../appointments/mutations";
import { cancelBooking, createBooking, rescheduleBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { sendMessage } from "../messages/send";
import { COMPOSERS } from "./registry";

// Change notices over a real SMTP conversation and a real database: what a
// patient and a therapist hear when a visit moves or is cancelled, decided
// from the visit as it is when the notice goes out.

const ZONE = "America/Denver";
const { transport: smtp } = withMailCatcher();

const ctx = () => ({ now: new Date(), ipAddress: "127.0.0.1" });

function localStart(daysAhead: number, hour: number): string {
  return DateTime.now().setZone(ZONE).plus({ days: daysAhead }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}

const messagesOf = (appointmentId: string, kind: string) => getPrisma().message.findMany({ where: { appointmentId, kind }, orderBy: { queuedAt: "asc" } });

const unfolded = (ics: Buffer) => ics.toString("utf8").replace(/\r\n /g, "");

async function deskBooking(daysAhead: number, hour: number, options: { therapists?: number; patient?: ReturnType<typeof patientInput> } = {}) {
  const practice = await createPractice({ timeZone: ZONE, therapists: options.therapists ?? 1 });
  const desk = await createStaffMember("FRONT_DESK");
  const patient = options.patient ?? patientInput();
  const booked = await bookForCaller(
    desk,
    { serviceId: practice.service.id, start: localStart(daysAhead, hour), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, newPatient: patient },
    ctx(),
  );
  return { practice, desk, patient, appointment: booked.appointment };
}

describe("the rescheduled notice", () => {
  it("tells a patient who moved their visit the new time and the old one, about the new row, with the same calendar event at a higher sequence", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const patient = patientInput();
    const booked = await createBooking(
      { service: practice.service.id, start: localStart(4, 9), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient },
      ctx(),
    );
    const moved = await rescheduleBooking(booked.manageToken, { start: localStart(4, 14) }, ctx());
    expect(await messagesOf(booked.id, "rescheduled")).toHaveLength(0);
    const [notice, ...more] = await messagesOf(moved.id, "rescheduled");
    expect(more).toHaveLength(0);
    expect(notice).toMatchObject({ status: "QUEUED", recipient: patient.email, requestedById: null });

    expect(await sendMessage(notice!.id, COMPOSERS, smtp())).toBe("sent");
    const [mail] = await mailTo(patient.email);
    expect(mail!.subject).toMatch(/^Your visit has moved to \w+day, \w+ \d+ at 2:00\s?PM$/);
    expect(mail!.html).toMatch(/<h1[^>]*>Your visit has a new time<\/h1>/);
    expect(mail!.text).toMatch(/It was on \w+day, \w+ \d+, \d{4}, 9:00\s?AM\./);
    expect(mail!.text).toMatch(/\/en\/manage\/[A-Za-z0-9_-]{43}/);
    expect(mail!.text).toContain("What to bring");
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: moved.id } });
    const calendar = unfolded(mail!.attachments.find((a) => a.filename === "visit.ics")!.content);
    expect(calendar).toContain(`UID:${row.bookingId}@stride`);
    expect(calendar).toContain(`SEQUENCE:${row.revision}`);
    expect(row.revision).toBeGreaterThan(0);
    expect(calendar).toContain("METHOD:PUBLISH");
  });

  it("tells a Spanish-speaking patient the old time in one sentence ending on its own period, never “a.m..”", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const patient = patientInput();
    const booked = await createBooking(
      { service: practice.service.id, start: localStart(4, 9), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient, language: "es" },
      ctx(),
    );
    const moved = await rescheduleBooking(booked.manageToken, { start: localStart(4, 14) }, ctx());
    const [notice] = await messagesOf(moved.id, "rescheduled");
    expect(await sendMessage(notice!.id, COMPOSERS, smtp())).toBe("sent");
    const [mail] = await mailTo(patient.email);
    expect(mail!.subject).toMatch(/^Su cita ahora es el \S+, \d+ de \S+ a las 2:00\sp\.\s?m\.$/);
    expect(mail!.text).toContain(`Hola, ${patient.firstName}:`);
    expect(mail!.text).toMatch(/Antes era el \S+, \d+ de \S+ de \d{4}, 9:00\sa\.\s?m\.\n/);
    expect(mail!.text).not.toMatch(/m\.\./);
    expect(mail!.text).toContain("Qué traer");
  });

  it("a visit moved after its notice was queued gets no notice for the old time", async () => {
    const { desk, patient, appointment, practice } = await deskBooking(5, 9);
    const therapistId = practice.therapists[0]!.id;
    await moveAppointment(desk, appointment.id, { start: localStart(5, 11), therapistId }, ctx());
    await moveAppointment(desk, appointment.id, { start: localStart(5, 15), therapistId }, ctx());
    const [first, second] = await messagesOf(appointment.id, "rescheduled");
    expect(await sendMessage(first!.id, COMPOSERS, smtp())).toBe("skipped");
    expect(await getPrisma().message.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({
      status: "SKIPPED",
      lastError: "The visit changed again since; a newer notice tells the patient.",
    });
    expect(await sendMessage(second!.id, COMPOSERS, smtp())).toBe("sent");
    const notices = (await mailTo(patient.email)).filter((m) => m.subject?.startsWith("Your visit has moved"));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toMatch(/at 3:00\s?PM$/);
    expect(notices[0]!.text).toMatch(/It was on .*11:00\s?AM\./);
  });

  it("is skipped when the visit was cancelled after the move", async () => {
    const { desk, appointment, practice } = await deskBooking(5, 9);
    await moveAppointment(desk, appointment.id, { start: localStart(5, 10), therapistId: practice.therapists[0]!.id }, ctx());
    await changeAppointmentStatus(desk, { appointmentId: appointment.id, action: "cancel", reason: "Therapist ill" }, ctx());
    const [notice] = await messagesOf(appointment.id, "rescheduled");
    expect(await sendMessage(notice!.id, COMPOSERS, smtp())).toBe("skipped");
  });

  it("two moves → two notices, re-sending one request → none", async () => {
    const { desk, appointment, practice } = await deskBooking(6, 9);
    const therapistId = practice.therapists[0]!.id;
    const first = { start: localStart(6, 11), therapistId };
    await moveAppointment(desk, appointment.id, first, ctx());
    await moveAppointment(desk, appointment.id, first, ctx());
    expect(await messagesOf(appointment.id, "rescheduled")).toHaveLength(1);
    await moveAppointment(desk, appointment.id, { start: localStart(6, 13), therapistId }, ctx());
    expect(await messagesOf(appointment.id, "rescheduled")).toHaveLength(2);
    // Back to an earlier time is a change of its own, and is told too.
    await moveAppointment(desk, appointment.id, first, ctx());
    expect(await messagesOf(appointment.id, "rescheduled")).toHaveLength(3);
  });

  it("a patient sending the same reschedule twice moves the visit once and is told once", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const booked = await createBooking(
      { service: practice.service.id, start: localStart(4, 9), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
      ctx(),
    );
    const once = await rescheduleBooking(booked.manageToken, { start: localStart(4, 12) }, ctx());
    const twice = await rescheduleBooking(booked.manageToken, { start: localStart(4, 12) }, ctx());
    expect(twice.id).toBe(once.id);
    const bookingId = (await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).bookingId;
    const notices = await getPrisma().message.findMany({ where: { kind: "rescheduled", appointment: { bookingId } } });
    expect(notices).toHaveLength(1);
  });
});

describe("the cancelled notice", () => {
  it("tells a patient who cancelled that they did, with a link to book again in their language and a calendar file that removes the event", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const patient = patientInput();
    const booked = await createBooking(
      { service: practice.service.id, start: localStart(4, 10), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient, language: "es" },
      ctx(),
    );
    await cancelBooking(booked.manageToken, { reason: "Me siento mejor" }, ctx());
    const [notice] = await messagesOf(booked.id, "cancelled");
    expect(await sendMessage(notice!.id, COMPOSERS, smtp())).toBe("sent");
    const mail = (await mailTo(patient.email)).find((m) => m.subject?.includes("cancelada"))!;
    expect(mail.subject).toMatch(/^Su cita del .+ está cancelada$/);
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.text).toContain("Tal como lo pidió");
    expect(mail.text).toMatch(/https?:\/\/[^\s]+\/es\/book\b/);
    const calendar = unfolded(mail.attachments.find((a) => a.filename === "visit.ics")!.content);
    expect(calendar).toContain("METHOD:CANCEL");
    expect(calendar).toContain("STATUS:CANCELLED");
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(calendar).toContain(`SEQUENCE:${row.revision}`);
  });

  it("says the clinic cancelled, and never sends the staff's reason", async () => {
    const { desk, patient, appointment } = await deskBooking(5, 10);
    await changeAppointmentStatus(desk, { appointmentId: appointment.id, action: "cancel", reason: "Double-booked by mistake, Dr. K out sick" }, ctx());
    const [notice, ...more] = await messagesOf(appointment.id, "cancelled");
    expect(more).toHaveLength(0);
    expect(await sendMessage(notice!.id, COMPOSERS, smtp())).toBe("sent");
    const mail = (await mailTo(patient.email)).find((m) => m.subject?.endsWith("is cancelled"))!;
    expect(mail.text).toMatch(/has had to cancel this visit/);
    expect(mail.text).not.toContain("Double-booked");
    expect(mail.html).not.toContain("Double-booked");
    expect(mail.text).toMatch(/\/en\/book\b/);
  });

  it("is skipped when the visit is not cancelled when it goes out", async () => {
    const { desk, appointment } = await deskBooking(5, 11);
    await changeAppointmentStatus(desk, { appointmentId: appointment.id, action: "cancel", reason: "Mistake" }, ctx());
    // No screen takes a cancellation back; a row put back by hand must still not be told it is cancelled.
    await getPrisma().appointment.update({ where: { id: appointment.id }, data: { status: "BOOKED" } });
    const [notice] = await messagesOf(appointment.id, "cancelled");
    expect(await sendMessage(notice!.id, COMPOSERS, smtp())).toBe("skipped");
    expect(await getPrisma().message.findUniqueOrThrow({ where: { id: notice!.id } })).toMatchObject({ lastError: "The visit is booked, not cancelled." });
  });
});

describe("the therapist's notice", () => {
  it("tells a therapist of a visit booked for tomorrow: who, what, when, where and a link to their day, nothing more", async () => {
    const { practice, patient, appointment } = await deskBooking(1, 10);
    const login = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    // The login is read when the notice goes out, so one made after the booking still hears of it.
    const [notice, ...more] = await messagesOf(appointment.id, "therapist");
    expect(more).toHaveLength(0);
    expect(await sendMessage(notice!.id, COMPOSERS, smtp())).toBe("sent");
    const [mail] = await mailTo(login.email);
    expect(mail!.subject).toMatch(new RegExp(`^New visit: ${patient.firstName} Tester, \\w+day, \\w+ \\d+, \\d{4}, 10:00\\sAM$`));
    expect(mail!.text).toContain(`Patient: ${patient.firstName} Tester`);
    expect(mail!.text).toContain("Service: Therapy");
    expect(mail!.text).toContain(practice.location.name);
    expect(mail!.text).toMatch(/\/staff\/today/);
    expect(mail!.text).not.toContain(patient.dateOfBirth);
    expect(mail!.text).not.toContain(patient.phone);
    expect(mail!.html).toContain('<html lang="en">');
  });

  it("tells both therapists when a visit today or tomorrow moves from one to the other", async () => {
    const { practice, desk, appointment } = await deskBooking(1, 9, { therapists: 2 });
    const [from, to] = practice.therapists;
    const logins = [await createStaffMember("THERAPIST", from!.id), await createStaffMember("THERAPIST", to!.id)];
    await moveAppointment(desk, appointment.id, { start: localStart(1, 13), therapistId: to!.id }, ctx());
    const moved = (await messagesOf(appointment.id, "therapist")).filter((m) => m.dedupeKey.includes(":moved:"));
    expect(moved).toHaveLength(2);
    for (const m of moved) expect(await sendMessage(m.id, COMPOSERS, smtp())).toBe("sent");
    for (const login of logins) {
      const mail = (await mailTo(login.email)).find((m) => m.subject?.startsWith("Visit moved"))!;
      expect(mail.text).toContain("Therapist: Therapist0 Test → Therapist1 Test");
      expect(mail.text).toMatch(/Was: .*9:00\s?AM/);
    }
  });

  it("tells the therapist of a cancellation tomorrow, and nothing of changes next week", async () => {
    const soon = await deskBooking(1, 15);
    await changeAppointmentStatus(soon.desk, { appointmentId: soon.appointment.id, action: "cancel", reason: "Patient called" }, ctx());
    const cancelled = (await messagesOf(soon.appointment.id, "therapist")).filter((m) => m.dedupeKey.includes(":cancelled:"));
    expect(cancelled).toHaveLength(1);

    const later = await deskBooking(8, 9);
    await moveAppointment(later.desk, later.appointment.id, { start: localStart(8, 11), therapistId: later.practice.therapists[0]!.id }, ctx());
    expect(await messagesOf(later.appointment.id, "therapist")).toHaveLength(0);
  });

  it("is skipped, with why, for a therapist with no staff login", async () => {
    const { appointment } = await deskBooking(1, 11);
    const [notice] = await messagesOf(appointment.id, "therapist");
    expect(await sendMessage(notice!.id, COMPOSERS, smtp())).toBe("skipped");
    expect(await getPrisma().message.findUniqueOrThrow({ where: { id: notice!.id } })).toMatchObject({ lastError: "The therapist has no active staff login to send to." });
  });
});
