import { DateTime } from "luxon";
import type nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { caughtMailTo as mailTo, withMailCatcher } from "../../test/mail-catcher";
import { bookForCaller, changeAppointmentStatus } from "../appointments/mutations";
import { createBooking, openBooking, rescheduleBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { countFailedVisitMessages, loadVisitMessages } from "../messages/data";
import { resendVisitLinks } from "../messages/mutations";
import { sendMessage } from "../messages/send";
import { COMPOSERS } from "./registry";

// The desk sends a patient their visit's links again, and staff read every
// message about a visit: real SMTP, real PostgreSQL.

const ZONE = "America/Denver";
const { transport: smtp } = withMailCatcher();

const ctx = (now = new Date()) => ({ now, ipAddress: "127.0.0.1" });
const localStart = (daysAhead: number, hour: number) =>
  DateTime.now().setZone(ZONE).plus({ days: daysAhead }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true })!;

async function visit(daysAhead = 4, hour = 9) {
  const practice = await createPractice({ timeZone: ZONE });
  const desk = await createStaffMember("FRONT_DESK");
  const patient = patientInput();
  const booked = await bookForCaller(
    desk,
    { serviceId: practice.service.id, start: localStart(daysAhead, hour), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, newPatient: patient },
    ctx(),
  );
  return { practice, desk, patient, appointment: booked.appointment };
}

describe("resending a visit's links", () => {
  it("queues one message per click, audited, that arrives with links of its own opening the visit", async () => {
    const { desk, patient, appointment } = await visit();
    const formId = crypto.randomUUID();
    const first = await resendVisitLinks(desk, { appointmentId: appointment.id, formId }, ctx());
    expect(first).toEqual({ queued: true, recipient: `${patient.email[0]}…@example.com` });
    // The same click arriving twice queues nothing more; a new click does.
    expect(await resendVisitLinks(desk, { appointmentId: appointment.id, formId }, ctx())).toMatchObject({ queued: false });
    const messages = await getPrisma().message.findMany({ where: { appointmentId: appointment.id, kind: "links" } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ requestedById: desk.id, recipient: patient.email });
    const audit = await getPrisma().auditLog.findMany({ where: { action: "message.resend", entityId: appointment.id } });
    expect(audit).toHaveLength(1);

    expect(await sendMessage(messages[0]!.id, COMPOSERS, smtp())).toBe("sent");
    const mail = (await mailTo(patient.email)).find((m) => m.subject === "Your visit links")!;
    expect(mail.html).toMatch(/<h1[^>]*>Your visit links<\/h1>/);
    const token = /\/en\/manage\/([A-Za-z0-9_-]{43})/.exec(mail.text!)![1]!;
    expect((await openBooking(token, ctx())).appointment.id).toBe(appointment.id);
    expect(mail.attachments.some((a) => a.filename === "visit.ics")).toBe(true);

    await resendVisitLinks(desk, { appointmentId: appointment.id, formId: crypto.randomUUID() }, ctx());
    expect(await getPrisma().message.count({ where: { appointmentId: appointment.id, kind: "links" } })).toBe(2);
  });

  it("is refused, saying why, for a cancelled visit, a past one, and for a therapist", async () => {
    const { desk, appointment, practice } = await visit();
    const later = new Date(appointment.endsAt.getTime() + 3_600_000);
    await expect(resendVisitLinks(desk, { appointmentId: appointment.id, formId: crypto.randomUUID() }, ctx(later))).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: "Links are sent again only for booked visits still to come; this visit is in the past.",
    });
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    await expect(resendVisitLinks(therapist, { appointmentId: appointment.id, formId: crypto.randomUUID() }, ctx())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await changeAppointmentStatus(desk, { appointmentId: appointment.id, action: "cancel", reason: "Called to cancel" }, ctx());
    await expect(resendVisitLinks(desk, { appointmentId: appointment.id, formId: crypto.randomUUID() }, ctx())).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: "Links are sent again only for booked visits still to come; this visit is cancelled.",
    });
    await expect(resendVisitLinks(desk, { appointmentId: crypto.randomUUID(), formId: crypto.randomUUID() }, ctx())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getPrisma().message.count({ where: { appointmentId: appointment.id, kind: "links" } })).toBe(0);
  });
});

describe("a visit's delivery log", () => {
  it("lists every message about the visit across a patient's reschedule, audited as a read, without the therapist's own notices", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const admin = await createStaffMember("ADMIN");
    const patient = patientInput();
    const booked = await createBooking(
      { service: practice.service.id, start: localStart(1, 9), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient },
      ctx(),
    );
    const moved = await rescheduleBooking(booked.manageToken, { start: localStart(1, 13) }, ctx());
    const confirmation = await getPrisma().message.findFirstOrThrow({ where: { appointmentId: booked.id, kind: "confirmation" } });
    expect(await sendMessage(confirmation.id, COMPOSERS, smtp())).toBe("skipped");

    const log = await loadVisitMessages(admin, moved.id, ctx());
    expect(log.map((m) => m.kind).sort()).toEqual(["confirmation", "rescheduled"]);
    expect(log.find((m) => m.kind === "confirmation")).toMatchObject({ status: "SKIPPED", recipient: patient.email, lastError: "The visit is cancelled now.", channel: "EMAIL" });
    expect(log.find((m) => m.kind === "rescheduled")).toMatchObject({ status: "QUEUED", sentAt: null });
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "visit.messages.view", entityId: moved.id } });
    expect(audit.staffUserId).toBe(admin.id);
  });

  it("flags a message that failed for good, and shows it to the visit's own therapist but no other", async () => {
    const { appointment, practice } = await visit(5, 10);
    const desk = await createStaffMember("FRONT_DESK");
    expect(await countFailedVisitMessages(desk, appointment.id)).toBe(0);
    const refusing = { sendMail: async () => Promise.reject(Object.assign(new Error("550 mailbox unavailable"), { responseCode: 550 })) } as unknown as nodemailer.Transporter;
    const confirmation = await getPrisma().message.findFirstOrThrow({ where: { appointmentId: appointment.id, kind: "confirmation" } });
    expect(await sendMessage(confirmation.id, COMPOSERS, refusing)).toBe("failed");
    expect(await countFailedVisitMessages(desk, appointment.id)).toBe(1);

    const own = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    const [row] = await loadVisitMessages(own, appointment.id, ctx());
    expect(row).toMatchObject({ status: "FAILED", lastError: "550 mailbox unavailable" });
    const other = await createStaffMember("THERAPIST", (await createPractice()).therapists[0]!.id);
    await expect(loadVisitMessages(other, appointment.id, ctx())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(countFailedVisitMessages(other, appointment.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
