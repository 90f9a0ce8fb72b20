import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { DUPLICATE_PATIENT_MESSAGE, updatePatientContact } from "./mutations";
import type { PatientContactForm } from "./schema";

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "198.51.100.20" };

const failure = (e: unknown) => (e instanceof AppError ? { code: e.code, message: e.message, fields: e.fields } : { code: String(e) });

async function bookPatient(therapist = 0, therapists = 1) {
  const practice = await createPractice({ therapists });
  const booked = await createBooking(
    {
      service: practice.service.id,
      start: "2026-11-24T09:00:00-06:00",
      mode: "CLINIC",
      locationId: practice.location.id,
      therapistId: practice.therapists[therapist]!.id,
      patient: patientInput(),
    },
    { now: NOW, ipAddress: "127.0.0.1" },
  );
  const { patient } = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id }, include: { patient: true } });
  return { practice, patient };
}

function formOf(patient: Awaited<ReturnType<typeof bookPatient>>["patient"]): PatientContactForm {
  return {
    firstName: patient.firstName,
    lastName: patient.lastName,
    email: patient.email,
    phone: patient.phone,
    dateOfBirth: patient.dateOfBirth.toISOString().slice(0, 10),
    preferredLanguage: patient.preferredLanguage,
    addressLine1: patient.addressLine1 ?? "",
    addressLine2: patient.addressLine2 ?? "",
    city: patient.city ?? "",
    region: patient.region ?? "",
    postalCode: patient.postalCode ?? "",
  };
}

describe("updatePatientContact", () => {
  it("saves new contact details and audits which fields changed, not their values", async () => {
    const { patient } = await bookPatient();
    const desk = await createStaffMember("FRONT_DESK");

    const result = await updatePatientContact(
      desk,
      patient.id,
      { ...formOf(patient), phone: "(915) 555-0199", addressLine1: " 12 Mesa St ", city: "El Paso", postalCode: "79912", preferredLanguage: "es" },
      ctx,
    );
    expect([...result.changed].sort()).toEqual(["addressLine1", "city", "phone", "postalCode", "preferredLanguage"]);
    const saved = await getPrisma().patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(saved).toMatchObject({ phone: "+19155550199", addressLine1: "12 Mesa St", city: "El Paso", addressLine2: null, preferredLanguage: "es" });

    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { patientId: patient.id, action: "patient.update" } });
    expect(log).toMatchObject({ staffUserId: desk.id, actor: desk.email, entity: "Patient", entityId: patient.id, ipAddress: "198.51.100.20" });
    expect(log.detail).toEqual({ fields: result.changed });
    expect(JSON.stringify(log.detail)).not.toContain("555-0199");
  });

  it("refuses invalid details field by field and changes nothing", async () => {
    const { patient } = await bookPatient();
    const admin = await createStaffMember("ADMIN");

    const error = await updatePatientContact(
      admin,
      patient.id,
      { ...formOf(patient), firstName: "  ", email: "not-an-email", phone: "12", dateOfBirth: "1990-02-30", postalCode: "!!", preferredLanguage: "fr" as "en" },
      ctx,
    ).catch(failure);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(Object.keys((error as { fields: object }).fields).sort()).toEqual(["dateOfBirth", "email", "firstName", "phone", "postalCode", "preferredLanguage"]);
    expect(await getPrisma().patient.findUniqueOrThrow({ where: { id: patient.id } })).toEqual(patient);
    expect(await getPrisma().auditLog.count({ where: { patientId: patient.id, action: "patient.update" } })).toBe(0);
  });

  it("refuses to give a patient another patient's identity, with a clear message, changing nothing", async () => {
    const { patient: first } = await bookPatient();
    const { patient: second } = await bookPatient();
    const desk = await createStaffMember("FRONT_DESK");

    const error = await updatePatientContact(
      desk,
      second.id,
      { ...formOf(second), firstName: first.firstName.toUpperCase(), email: first.email.toUpperCase(), dateOfBirth: first.dateOfBirth.toISOString().slice(0, 10), phone: "+1 915 555 0177" },
      ctx,
    ).catch(failure);
    expect(error).toEqual({ code: "VALIDATION_FAILED", message: DUPLICATE_PATIENT_MESSAGE, fields: undefined });
    expect(await getPrisma().patient.findUniqueOrThrow({ where: { id: second.id } })).toEqual(second);
    expect(await getPrisma().auditLog.count({ where: { patientId: second.id, action: "patient.update" } })).toBe(0);
  });

  it("refuses a save made on an out-of-date form", async () => {
    const { patient } = await bookPatient();
    const desk = await createStaffMember("FRONT_DESK");
    const seen = patient.updatedAt;
    await updatePatientContact(desk, patient.id, { ...formOf(patient), phone: "+1 915 555 0111" }, ctx, seen);
    const stale = await updatePatientContact(desk, patient.id, { ...formOf(patient), lastName: "Changed" }, ctx, seen).catch(failure);
    expect(stale).toMatchObject({ code: "STALE" });
    expect((await getPrisma().patient.findUniqueOrThrow({ where: { id: patient.id } })).lastName).toBe(patient.lastName);
  });

  it("writes nothing when nothing changed", async () => {
    const { patient } = await bookPatient();
    const desk = await createStaffMember("FRONT_DESK");
    expect(await updatePatientContact(desk, patient.id, formOf(patient), ctx)).toEqual({ changed: [] });
    expect(await getPrisma().auditLog.count({ where: { patientId: patient.id, action: "patient.update" } })).toBe(0);
  });

  it("answers NOT_FOUND for an unknown patient", async () => {
    const { patient } = await bookPatient();
    const desk = await createStaffMember("FRONT_DESK");
    expect(await updatePatientContact(desk, randomUUID(), formOf(patient), ctx).catch(failure)).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets admins and the front desk edit, and no therapist, not even their own patient's", async () => {
    const { practice, patient } = await bookPatient(0, 2);
    const staff = {
      ADMIN: await createStaffMember("ADMIN"),
      FRONT_DESK: await createStaffMember("FRONT_DESK"),
      "THERAPIST (own patient)": await createStaffMember("THERAPIST", practice.therapists[0]!.id),
      "THERAPIST (other's patient)": await createStaffMember("THERAPIST", practice.therapists[1]!.id),
    };
    const outcomes: Record<string, string> = {};
    let phone = 100;
    for (const [role, member] of Object.entries(staff)) {
      const current = await getPrisma().patient.findUniqueOrThrow({ where: { id: patient.id } });
      outcomes[role] = await updatePatientContact(member, patient.id, { ...formOf(current), phone: `+1 915 555 0${phone++}` }, ctx).then(
        () => "allowed",
        (e: unknown) => failure(e).code,
      );
    }
    expect(outcomes).toEqual({ ADMIN: "allowed", FRONT_DESK: "allowed", "THERAPIST (own patient)": "FORBIDDEN", "THERAPIST (other's patient)": "FORBIDDEN" });
  });
});
