import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createPractice, patientInput } from "../../test/fixtures";
import { caughtMailTo as mailTo, withMailCatcher } from "../../test/mail-catcher";
import { cancelBooking, createBooking, openBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { COMPOSERS } from "../message-templates/registry";
import { sendMessage } from "../messages/send";
import { LOOKUPS_PER_ADDRESS_PER_HOUR, LOOKUPS_PER_EMAIL_PER_HOUR, requestBookingLookup } from "./mutations";
import { BOOKING_LOOKUP_ANSWER } from "./schema";

// "Find my booking" over a real SMTP conversation and PostgreSQL: what is
// queued for which address, and what the message lists when it is sent.

const ZONE = "America/Denver";
const smtp = withMailCatcher();

/** Each test asks from an address of its own, so the per-address limit is its own too. */
const caller = () => {
  const ipAddress = `198.51.100.${randomUUID().slice(0, 8)}`;
  return () => ({ now: new Date(), ipAddress });
};

function localStart(daysAhead: number, hour: number): string {
  return DateTime.now().setZone(ZONE).plus({ days: daysAhead }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}

async function lookupMessages(recipient: string) {
  return getPrisma().message.findMany({ where: { kind: "lookup", recipient: { equals: recipient, mode: "insensitive" } }, orderBy: { queuedAt: "asc" } });
}

const manageTokens = (text: string) => [...text.matchAll(/\/(?:en|es)\/manage\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);

async function book(practice: Awaited<ReturnType<typeof createPractice>>, patient: ReturnType<typeof patientInput>, start: string, ctx: ReturnType<typeof caller>, extra: { mode?: "CLINIC" | "VIDEO"; language?: "en" | "es" } = {}) {
  return createBooking(
    { service: practice.service.id, start, mode: extra.mode ?? "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient, language: extra.language },
    ctx(),
  );
}

describe("find my booking", () => {
  it("sends a known address one message listing its upcoming visits, each with a link that opens it; cancelled and past visits are not listed", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const ctx = caller();
    const patient = patientInput();
    const first = await book(practice, patient, localStart(3, 9), ctx);
    const second = await book(practice, patient, localStart(4, 10), ctx);
    const cancelled = await book(practice, patient, localStart(5, 11), ctx);
    const past = await book(practice, patient, localStart(6, 12), ctx);
    await cancelBooking(cancelled.manageToken, {}, ctx());
    const yesterday = new Date(Date.now() - 86_400_000);
    await getPrisma().appointment.update({
      where: { id: past.id },
      data: { startsAt: yesterday, endsAt: new Date(yesterday.getTime() + 45 * 60_000), blockedFrom: yesterday, blockedUntil: new Date(yesterday.getTime() + 45 * 60_000) },
    });

    // Typed with other capitals: addresses are compared without regard to case.
    expect(await requestBookingLookup({ email: `  ${patient.email.toUpperCase()} `, language: "en" }, ctx())).toEqual(BOOKING_LOOKUP_ANSWER);
    const [message, ...more] = await lookupMessages(patient.email);
    expect(more).toHaveLength(0);
    expect(message).toMatchObject({ status: "QUEUED", channel: "EMAIL", recipient: patient.email, language: "en", appointmentId: null });

    expect(await sendMessage(message!.id, COMPOSERS, smtp.transport())).toBe("sent");
    const mail = (await mailTo(patient.email)).find((m) => m.subject?.startsWith("Your upcoming visits"))!;
    expect(mail.subject).toMatch(/^Your upcoming visits with .+$/);
    expect(mail.html).toMatch(/<h1[^>]*>Your upcoming visits<\/h1>/);
    expect(mail.text).toContain("Here are the 2 visits booked with this email address");
    const tokens = manageTokens(mail.text!);
    expect(tokens).toHaveLength(2);
    const opened = await Promise.all(tokens.map(async (token) => (await openBooking(token, ctx())).appointment.id));
    expect(opened).toEqual([first.id, second.id]);
    expect(tokens).not.toContain(first.manageToken);
  });

  it("answers the same for an unknown address, and queues nothing", async () => {
    const ctx = caller();
    const email = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    expect(await requestBookingLookup({ email, language: "es" }, ctx())).toEqual(BOOKING_LOOKUP_ANSWER);
    expect(await lookupMessages(email)).toHaveLength(0);
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "booking.lookup", ipAddress: ctx().ipAddress } });
    expect(audit).toMatchObject({ actor: "patient via find my booking", staffUserId: null, patientId: null, entityId: "none" });
    expect(JSON.stringify(audit)).not.toContain(email);
  });

  it("lists the visits of every patient who shares the address, and audits the lookup with them", async () => {
    const practice = await createPractice({ timeZone: ZONE, service: { visitModes: ["CLINIC", "VIDEO"] }, hours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 8 * 60, endMinute: 18 * 60, visitModes: ["CLINIC", "VIDEO"] }] });
    const ctx = caller();
    const parent = patientInput();
    const child = patientInput({ email: parent.email, firstName: `${parent.firstName}-jr`, dateOfBirth: "2015-04-02" });
    const parentVisit = await book(practice, parent, localStart(3, 9), ctx);
    const childVisit = await book(practice, child, localStart(3, 14), ctx, { mode: "VIDEO" });
    const patients = await getPrisma().appointment.findMany({ where: { id: { in: [parentVisit.id, childVisit.id] } }, select: { patientId: true } });
    expect(new Set(patients.map((p) => p.patientId)).size).toBe(2);

    await requestBookingLookup({ email: parent.email, language: "es" }, ctx());
    const [message] = await lookupMessages(parent.email);
    expect(await sendMessage(message!.id, COMPOSERS, smtp.transport())).toBe("sent");
    const mail = (await mailTo(parent.email)).find((m) => m.subject?.startsWith("Sus próximas citas"))!;
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.text).toContain(`Para ${parent.firstName} Tester`);
    expect(mail.text).toContain(`Para ${child.firstName} Tester`);
    const opened = await Promise.all(manageTokens(mail.text!).map(async (token) => (await openBooking(token, ctx())).appointment.id));
    expect(opened).toEqual([parentVisit.id, childVisit.id]);
    // The video visit carries its own join link, which opens its room.
    const join = /\/visit\/([A-Za-z0-9_-]{43})/.exec(mail.text!)?.[1];
    const { findVisitRoom } = await import("../video/data");
    expect((await findVisitRoom(join!, new Date()))?.appointmentId).toBe(childVisit.id);

    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "booking.lookup", ipAddress: ctx().ipAddress }, include: { patients: true } });
    expect(audit).toMatchObject({ actor: "patient via find my booking", entity: "Message", entityId: message!.id });
    expect(audit.patients.map((p) => p.patientId).sort()).toEqual(patients.map((p) => p.patientId).sort());
    expect(audit.detail).toEqual({ matched: true, visits: 2, queued: true });
  });

  it("decides when sent: a visit cancelled after the request is not listed, and a patient with none left is told so with a link to book", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const ctx = caller();
    const patient = patientInput();
    const booked = await book(practice, patient, localStart(3, 10), ctx);
    await requestBookingLookup({ email: patient.email, language: "en" }, ctx());
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "booking.lookup", ipAddress: ctx().ipAddress } });
    const patientId = (await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).patientId;
    expect(audit.patientId).toBe(patientId);
    await cancelBooking(booked.manageToken, {}, ctx());

    const [message] = await lookupMessages(patient.email);
    expect(await sendMessage(message!.id, COMPOSERS, smtp.transport())).toBe("sent");
    const mail = (await mailTo(patient.email)).find((m) => m.subject?.startsWith("No upcoming visits"))!;
    expect(mail.text).toContain("We found no upcoming visits booked with this email address.");
    expect(mail.text).toMatch(/\/en\/book\b/);
    expect(manageTokens(mail.text!)).toHaveLength(0);
  });

  it("sends one message for repeated clicks within a few minutes", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const ctx = caller();
    const patient = patientInput();
    await book(practice, patient, localStart(3, 11), ctx);
    for (let i = 0; i < 3; i++) expect(await requestBookingLookup({ email: patient.email, language: "en" }, ctx())).toEqual(BOOKING_LOOKUP_ANSWER);
    expect(await lookupMessages(patient.email)).toHaveLength(1);
  });

  it("limits requests per email address and per client address, known or not, with a time to retry", async () => {
    const email = `limited-${randomUUID().slice(0, 8)}@example.com`;
    for (let i = 0; i < LOOKUPS_PER_EMAIL_PER_HOUR; i++) await requestBookingLookup({ email, language: "en" }, caller()());
    const refused = await requestBookingLookup({ email: email.toUpperCase(), language: "en" }, caller()()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "RATE_LIMITED" });
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(0);

    const ctx = caller();
    for (let i = 0; i < LOOKUPS_PER_ADDRESS_PER_HOUR; i++) await requestBookingLookup({ email: `many-${randomUUID().slice(0, 8)}@example.com`, language: "en" }, ctx());
    await expect(requestBookingLookup({ email: `many-${randomUUID().slice(0, 8)}@example.com`, language: "en" }, ctx())).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
