import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { caughtMailTo as mailTo, withMailCatcher } from "../../test/mail-catcher";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { COMPOSERS } from "../message-templates/registry";
import { sendMessage } from "../messages/send";
import { findPatientIntake, listPatientScores } from "./data";
import { recordProgressScore, submitIntake } from "./mutations";
import { hashIntakeToken } from "./token";

// The intake link in a first visit's confirmation, over a real SMTP
// conversation, and what the patient's answers write.

const ZONE = "America/Denver";
const smtp = withMailCatcher();
const ctx = () => ({ now: new Date(), ipAddress: "127.0.0.1" });

function localStart(daysAhead: number, hour: number): string {
  return DateTime.now().setZone(ZONE).plus({ days: daysAhead }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}

const intakeToken = (text: string) => /\/(en|es)\/intake\/([A-Za-z0-9_-]{43})/.exec(text)?.[2];

async function offerReason(slug: string, active: boolean) {
  await getPrisma().visitReason.upsert({ where: { slug }, create: { slug, labelEn: slug, labelEs: slug, active }, update: { active } });
}

async function bookAndConfirm(practice: Awaited<ReturnType<typeof createPractice>>, patient: ReturnType<typeof patientInput>, daysAhead: number, reasonSlug?: string) {
  if (reasonSlug) await offerReason(reasonSlug, true);
  // As the booking form sends a reason chosen from the list: its words and its slug.
  const booked = await createBooking(
    {
      service: practice.service.id,
      start: localStart(daysAhead, 10),
      mode: "CLINIC",
      locationId: practice.location.id,
      therapistId: practice.therapists[0]!.id,
      patient,
      ...(reasonSlug ? { reason: "Knee pain", reasonSlug } : {}),
    },
    ctx(),
  );
  const message = await getPrisma().message.findFirstOrThrow({ where: { appointmentId: booked.id, kind: "confirmation" } });
  expect(await sendMessage(message.id, COMPOSERS, smtp.transport())).toBe("sent");
  const mails = await mailTo(patient.email);
  return { booked, mail: mails.at(-1)! };
}

const KNEE = { where: "inner", since: "three weeks ago", distance: "25", distanceUnit: "km", pain: "6", function: "60", goals: "Run the half marathon in March." };

describe("the intake form before a first visit", () => {
  it("comes as a private, hashed, expiring link in the first visit's confirmation", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const patient = patientInput();
    const { booked, mail } = await bookAndConfirm(practice, patient, 3, "knee-pain-running");
    const token = intakeToken(mail.text!)!;
    expect(token).toBeDefined();
    expect(mail.text).toContain("Before your first visit");

    const link = await getPrisma().patientLink.findUniqueOrThrow({ where: { tokenHash: hashIntakeToken(token) } });
    expect(link).toMatchObject({ purpose: "INTAKE", bookingId: (await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).bookingId });
    // Only the hash is kept: the token itself is in no row.
    expect(await getPrisma().patientLink.count({ where: { tokenHash: token } })).toBe(0);
    const start = new Date(booked.start);
    expect(link.expiresAt!.getTime()).toBe(start.getTime() + 7 * 86_400_000);

    const opened = await findPatientIntake(token, new Date());
    expect(opened).toMatchObject({ appointmentId: booked.id, submitted: false, form: { slug: "knee-pain" } });
    expect(await findPatientIntake(token, new Date(link.expiresAt!.getTime()))).toBeNull();
    expect(await findPatientIntake(`${token.slice(0, 42)}${token.endsWith("A") ? "B" : "A"}`, new Date())).toBeNull();
    await expect(submitIntake(token, KNEE, new Date(link.expiresAt!.getTime() + 1))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("asks what the reason chosen when booking calls for, and the general questions for a reason retired meanwhile", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const knee = await bookAndConfirm(practice, patientInput(), 3, "knee-pain-running");
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: knee.booked.id } })).reasonSlug).toBe("knee-pain-running");
    expect(await findPatientIntake(intakeToken(knee.mail.text!)!, new Date())).toMatchObject({ form: { slug: "knee-pain" } });

    await offerReason("knee-retired-reason", false);
    const patient = patientInput();
    const retired = await createBooking(
      { service: practice.service.id, start: localStart(4, 10), mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient, reason: "Knee", reasonSlug: "knee-retired-reason" },
      ctx(),
    );
    expect(await getPrisma().appointment.findUniqueOrThrow({ where: { id: retired.id }, select: { reasonSlug: true, reasonText: true } })).toEqual({ reasonSlug: null, reasonText: "Knee" });
  });

  it("refuses bad answers field by field (400) and writes nothing", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const patient = patientInput();
    const { booked, mail } = await bookAndConfirm(practice, patient, 3, "knee-pain-running");
    const token = intakeToken(mail.text!)!;
    const refused = await submitIntake(token, { ...KNEE, where: "elbow", distance: "lots", pain: "11", function: "", goals: "x".repeat(501) }, new Date()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(400);
    expect((refused as AppError).fields).toEqual({ where: "choose", distance: "number", pain: "range", function: "required", goals: "tooLong" });
    expect(await getPrisma().intakeResponse.count({ where: { appointmentId: booked.id } })).toBe(0);
    expect(await getPrisma().progressScore.count({ where: { appointmentId: booked.id } })).toBe(0);
  });

  it("keeps the answers and an INTAKE score once: a second submit changes nothing", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const patient = patientInput();
    const { booked, mail } = await bookAndConfirm(practice, patient, 3, "knee-pain-running");
    const token = intakeToken(mail.text!)!;
    // Invisible characters are dropped from free text.
    expect(await submitIntake(token, { ...KNEE, goals: "Run \u202Ethe half\u200B marathon." }, new Date())).toEqual({ created: true });
    expect(await submitIntake(token, { ...KNEE, pain: "2", goals: "Changed my mind" }, new Date())).toEqual({ created: false });

    const response = await getPrisma().intakeResponse.findUniqueOrThrow({ where: { appointmentId: booked.id } });
    expect(response).toMatchObject({ formSlug: "knee-pain", language: "en" });
    expect(response.answers).toEqual({ where: "inner", since: "three weeks ago", distance: 25, distanceUnit: "km", pain: 6, function: 60, goals: "Run the half marathon." });
    const scores = await getPrisma().progressScore.findMany({ where: { patientId: response.patientId } });
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ pain: 6, function: 60, source: "INTAKE", recordedById: null, appointmentId: booked.id });
    expect(await findPatientIntake(token, new Date())).toMatchObject({ submitted: true });
  });

  it("is not sent for a later visit once an earlier one was attended", async () => {
    const practice = await createPractice({ timeZone: ZONE });
    const patient = patientInput();
    const first = await bookAndConfirm(practice, patient, 3);
    expect(intakeToken(first.mail.text!)).toBeDefined();
    await getPrisma().appointment.update({ where: { id: first.booked.id }, data: { status: "COMPLETED" } });
    const second = await bookAndConfirm(practice, patient, 5);
    const [a, b] = await getPrisma().appointment.findMany({ where: { id: { in: [first.booked.id, second.booked.id] } }, select: { patientId: true } });
    expect(a!.patientId).toBe(b!.patientId);
    expect(second.mail.subject).toMatch(/is booked$/);
    expect(intakeToken(second.mail.text!)).toBeUndefined();
    expect(second.mail.text).not.toContain("Before your first visit");
  });
});

describe("pain and function scores", () => {
  it("are recorded at a visit by its therapist, audited, and held to their ranges by the database", async () => {
    const practice = await createPractice({ timeZone: ZONE, therapists: 2 });
    const patient = patientInput();
    const { booked } = await bookAndConfirm(practice, patient, 3);
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    const stranger = await createStaffMember("FRONT_DESK");

    await expect(recordProgressScore(therapist, { appointmentId: booked.id, pain: "11", function: "50", source: "CHECK" }, ctx())).rejects.toMatchObject({ code: "BAD_REQUEST", fields: { pain: expect.any(String) } });
    await expect(recordProgressScore(stranger, { appointmentId: booked.id, pain: "3", function: "50", source: "CHECK" }, ctx())).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { id } = await recordProgressScore(therapist, { appointmentId: booked.id, pain: "3", function: "80", source: "DISCHARGE" }, ctx());
    expect(await getPrisma().progressScore.findUniqueOrThrow({ where: { id } })).toMatchObject({ pain: 3, function: 80, source: "DISCHARGE", recordedById: therapist.id });
    expect(await getPrisma().auditLog.count({ where: { action: "progress-score.record", entityId: booked.id, staffUserId: therapist.id } })).toBe(1);

    const patientId = (await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).patientId;
    // The chart is for clinicians: the desk, and a therapist who never saw the patient, get nothing (and no audit row).
    const otherTherapist = await createStaffMember("THERAPIST", practice.therapists[1]!.id);
    expect(await listPatientScores(stranger, patientId, ctx())).toBeNull();
    expect(await listPatientScores(otherTherapist, patientId, ctx())).toBeNull();
    // A score taken in the evening in Denver is that day's, not the next UTC day's.
    const evening = DateTime.fromISO(localStart(3, 10), { zone: ZONE }).set({ hour: 20 });
    await getPrisma().progressScore.update({ where: { id }, data: { recordedAt: evening.toJSDate() } });
    expect(await listPatientScores(therapist, patientId, ctx())).toEqual([expect.objectContaining({ id, pain: 3, function: 80, day: evening.toISODate() })]);
    expect(await getPrisma().auditLog.count({ where: { action: "progress.view", patientId } })).toBe(1);

    for (const [pain, fn] of [[-1, 50], [11, 50], [5, -1], [5, 101]] as const) {
      await expect(getPrisma().$executeRaw`INSERT INTO "ProgressScore" ("patientId", "pain", "function", "source") VALUES (${patientId}::uuid, ${pain}, ${fn}, 'CHECK')`).rejects.toThrow(/ProgressScore_(pain|function)/);
    }
  });
});
