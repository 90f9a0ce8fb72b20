import { DateTime } from "luxon";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { createPractice, patientInput, createStaffMember } from "../../test/fixtures";
import { caughtMailTo as mailTo, withMailCatcher } from "../../test/mail-catcher";
import { bookForCaller } from "../appointments/mutations";
import { cancelBooking, createBooking, openBooking, rescheduleBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { sendMessage } from "../messages/send";
import { COMPOSERS } from "./registry";

// Confirmations over a real SMTP conversation: the mail catcher is an
// smtp-server on loopback, nodemailer speaks to it, mailparser reads what came.

const ZONE = "America/Denver";
const smtp = withMailCatcher();

const ctx = () => ({ now: new Date(), ipAddress: "127.0.0.1" });

/** A weekday some days ahead, at a local hour in the practice's zone. */
function localStart(daysAhead: number, hour: number): string {
  return DateTime.now().setZone(ZONE).plus({ days: daysAhead }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}

async function confirmationOf(appointmentId: string) {
  return getPrisma().message.findFirstOrThrow({ where: { appointmentId, kind: "confirmation" } });
}

const manageLink = (text: string) => /\/(en|es)\/manage\/([A-Za-z0-9_-]{43})/.exec(text)?.[2];

describe("the booking confirmation", () => {
  it("is queued with an online booking and sent with the visit, the room, the links and a calendar file", async () => {
    const practice = await createPractice({ timeZone: ZONE, rooms: [{ name: "Room 7", capacity: 1 }] });
    const patient = patientInput();
    const booked = await createBooking(
      { service: practice.service.id, start: localStart(3, 10), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient },
      ctx(),
    );
    const message = await confirmationOf(booked.id);
    expect(message).toMatchObject({ status: "QUEUED", channel: "EMAIL", recipient: patient.email, language: "en" });

    expect(await sendMessage(message.id, COMPOSERS, smtp.transport())).toBe("sent");
    const [mail, ...more] = await mailTo(patient.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toMatch(/^Your visit on \w+day, \w+ \d+ at \d+:00\s?AM is booked$/);
    expect(mail!.text).toContain(`Hello ${patient.firstName},`);
    expect(mail!.text).toContain(`Room 7, ${practice.location.name}`);
    expect(mail!.text).toContain("1 Test Way");
    expect(mail!.text).toContain("What to bring");
    // The time's zone follows the time, its exact id in the one pair of brackets.
    expect(mail!.text).toMatch(/(AM|PM), [^,()\n]+ \([A-Za-z_]+\/[A-Za-z_]+\)\n/);
    expect(mail!.html).toMatch(/<h1[^>]*>Your visit is booked<\/h1>/);
    expect(mail!.html).toContain('<html lang="en">');
    expect(mail!.html).not.toContain("<img");

    // The link in the mail is the message's own, and it opens this visit.
    const token = manageLink(mail!.text!)!;
    expect(token).toBeDefined();
    expect(token).not.toBe(booked.manageToken);
    const opened = await openBooking(token, ctx());
    expect(opened.appointment.id).toBe(booked.id);

    const ics = mail!.attachments.find((a) => a.filename === "visit.ics")!;
    const appointment = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    const calendar = ics.content.toString("utf8").replace(/\r\n /g, "");
    expect(calendar).toContain(`UID:${appointment.bookingId}@stride`);
    expect(calendar).toContain("SEQUENCE:0");
    expect(calendar).toContain("METHOD:PUBLISH");

    const row = await getPrisma().message.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "SENT", subject: mail!.subject });
  });

  it("names the payment and the practice's fees, in the visit's language: pay at the clinic while online payment is off", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const prisma = getPrisma();
    await prisma.service.update({ where: { id: practice.service.id }, data: { priceCents: 6000, paymentRule: "CARD_ON_FILE" } });
    await prisma.practice.upsert({ where: { id: 1 }, update: {}, create: { id: 1, name: "Test practice" } });
    await prisma.practice.update({ where: { id: 1 }, data: { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 2500, noShowFeeCents: 4000 } });
    try {
      const patient = patientInput();
      const booked = await createBooking(
        { service: practice.service.id, start: localStart(4, 11), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient, language: "es" },
        ctx(),
      );
      expect(await sendMessage((await confirmationOf(booked.id)).id, COMPOSERS, smtp.transport())).toBe("sent");
      const [mail] = await mailTo(patient.email);
      expect(mail!.text).toContain("$60.00. Pague en la clínica cuando llegue. No hay pago en línea.");
      expect(mail!.text).toContain("Cancelar con menos de 24 horas de antelación: cargo de $25.00. Si falta a la cita: cargo de $40.00.");
    } finally {
      await prisma.practice.update({ where: { id: 1 }, data: { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 0, noShowFeeCents: 0 } });
    }
  });

  it("speaks the visit's language, and a video visit's mail carries a join link that opens its room", async () => {
    const practice = await createPractice({ timeZone: ZONE, service: { visitModes: ["CLINIC", "HOME", "VIDEO"] }, hours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 8 * 60, endMinute: 18 * 60, visitModes: ["CLINIC", "VIDEO"] }] });
    const patient = patientInput();
    const booked = await createBooking(
      { service: practice.service.id, start: localStart(4, 11), mode: "VIDEO", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient, language: "es" },
      ctx(),
    );
    expect(await sendMessage((await confirmationOf(booked.id)).id, COMPOSERS, smtp.transport())).toBe("sent");
    const [mail] = await mailTo(patient.email);
    expect(mail!.subject).toMatch(/^Su cita del .+ está reservada$/);
    expect(mail!.html).toContain('<html lang="es">');
    expect(mail!.text).toContain("Por video");
    const join = /\/visit\/([A-Za-z0-9_-]{43})/.exec(mail!.text!)?.[1];
    expect(join).toBeDefined();
    const { findVisitRoom } = await import("../video/data");
    expect((await findVisitRoom(join!, new Date()))?.appointmentId).toBe(booked.id);
  });

  it("follows the booking: after a reschedule through the mail's link, both that link and the booking's own open the new visit", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const patient = patientInput();
    const booked = await createBooking(
      { service: practice.service.id, start: localStart(3, 9), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient },
      ctx(),
    );
    await sendMessage((await confirmationOf(booked.id)).id, COMPOSERS, smtp.transport());
    const [mail] = await mailTo(patient.email);
    const token = manageLink(mail!.text!)!;
    const moved = await rescheduleBooking(token, { start: localStart(3, 13) }, ctx());
    expect(moved.id).not.toBe(booked.id);
    expect((await openBooking(token, ctx())).appointment.id).toBe(moved.id);
    expect((await openBooking(booked.manageToken, ctx())).appointment.id).toBe(moved.id);
    const [before, after] = await Promise.all([booked.id, moved.id].map((id) => getPrisma().appointment.findUniqueOrThrow({ where: { id } })));
    expect(after!.bookingId).toBe(before!.bookingId);
    expect(after!.revision).toBe(before!.revision + 1);
    // The confirmation of the first time is not sent again, and a late one is skipped.
    expect(await sendMessage((await confirmationOf(booked.id)).id, COMPOSERS, smtp.transport())).toBe("not-queued");
  });

  it("is skipped when the visit was cancelled before it went out", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const patient = patientInput();
    const booked = await createBooking(
      { service: practice.service.id, start: localStart(5, 9), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient },
      ctx(),
    );
    await cancelBooking(booked.manageToken, {}, ctx());
    const message = await confirmationOf(booked.id);
    expect(await sendMessage(message.id, COMPOSERS, smtp.transport())).toBe("skipped");
    expect(await mailTo(patient.email)).toHaveLength(0);
    expect(await getPrisma().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "SKIPPED", lastError: "The visit is cancelled now." });
  });

  it("is queued when the desk books a caller", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const desk = await createStaffMember("FRONT_DESK");
    const patient = patientInput();
    const booked = await bookForCaller(
      desk,
      { serviceId: practice.service.id, start: localStart(6, 9), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, newPatient: patient },
      ctx(),
    );
    const message = await confirmationOf(booked.appointment.id);
    expect(message).toMatchObject({ recipient: patient.email, requestedById: desk.id });
  });

  it("carries the same links in both copies when a crash after the mail server's answer sends it twice", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const patient = patientInput();
    const booked = await createBooking(
      { service: practice.service.id, start: localStart(7, 9), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient },
      ctx(),
    );
    const crashing = {
      sendMail: async (mail: nodemailer.SendMailOptions) => {
        await smtp.transport().sendMail(mail);
        throw new Error("process killed");
      },
    } as unknown as nodemailer.Transporter;
    const id = (await confirmationOf(booked.id)).id;
    expect(await sendMessage(id, COMPOSERS, crashing)).toBe("retry");
    expect(await sendMessage(id, COMPOSERS, smtp.transport())).toBe("sent");
    const copies = await mailTo(patient.email);
    expect(copies).toHaveLength(2);
    const [first, second] = copies.map((mail) => manageLink(mail.text!));
    expect(first).toBe(second);
    expect((await openBooking(first!, ctx())).appointment.id).toBe(booked.id);
  });
});
