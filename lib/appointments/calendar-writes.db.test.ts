import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { loadCalendar } from "../calendar/data";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { bookForCaller, moveAppointment } from "./mutations";
import { bookForCallerSchema } from "./schema";

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

async function practiceWithVisit() {
  const practice = await createPractice({ therapists: 2, rooms: [{ name: "Room 1", capacity: 1 }, { name: "Room 2", capacity: 1 }] });
  const booked = await createBooking(
    { service: practice.service.id, start: "2026-11-24T09:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
    ctx,
  );
  return { practice, id: booked.id, desk: await createStaffMember("FRONT_DESK") };
}

describe("moveAppointment", () => {
  it("moves a visit to another therapist and time in place, freeing the old time", async () => {
    const { practice, id, desk } = await practiceWithVisit();
    const moved = await moveAppointment(desk, id, { start: "2026-11-24T11:00:00-06:00", therapistId: practice.therapists[1]!.id }, ctx);
    expect(moved.id).toBe(id);
    expect(moved.therapistId).toBe(practice.therapists[1]!.id);
    expect(moved.startsAt.toISOString()).toBe("2026-11-24T17:00:00.000Z");
    await createBooking(
      { service: practice.service.id, start: "2026-11-24T09:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
      ctx,
    );
    expect(await getPrisma().auditLog.count({ where: { entityId: id, action: "appointment.move" } })).toBe(1);
  });

  it("moves a visit by a quarter hour over its own old time", async () => {
    const { practice, id, desk } = await practiceWithVisit();
    const moved = await moveAppointment(desk, id, { start: "2026-11-24T09:15:00-06:00", therapistId: practice.therapists[0]!.id }, ctx);
    expect(moved.startsAt.toISOString()).toBe("2026-11-24T15:15:00.000Z");
  });

  it("answers 409 SLOT_TAKEN with alternatives when the target is busy, and changes nothing", async () => {
    const { practice, id, desk } = await practiceWithVisit();
    await createBooking(
      { service: practice.service.id, start: "2026-11-24T13:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[1]!.id, patient: patientInput() },
      ctx,
    );
    const error = await moveAppointment(desk, id, { start: "2026-11-24T13:00:00-06:00", therapistId: practice.therapists[1]!.id }, ctx).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("SLOT_TAKEN");
    expect((error as AppError).alternatives?.length).toBeGreaterThan(0);
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id } });
    expect(row.therapistId).toBe(practice.therapists[0]!.id);
    expect(row.startsAt.toISOString()).toBe("2026-11-24T15:00:00.000Z");
  });

  it("refuses a move made on an out-of-date screen, and refuses therapists", async () => {
    const { practice, id, desk } = await practiceWithVisit();
    const stale = new Date("2020-01-01T00:00:00Z");
    expect(codeOf(await moveAppointment(desk, id, { start: "2026-11-24T11:00:00-06:00", therapistId: practice.therapists[0]!.id, expectedUpdatedAt: stale }, ctx).catch((e) => e))).toBe("STALE");
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    expect(codeOf(await moveAppointment(therapist, id, { start: "2026-11-24T11:00:00-06:00", therapistId: practice.therapists[0]!.id }, ctx).catch((e) => e))).toBe("FORBIDDEN");
  });

  it("lets the desk book within the patient-facing notice, but never outside working hours", async () => {
    const { practice, id, desk } = await practiceWithVisit();
    // 12:00Z is 06:00 in Chicago; hours start at 08:00, notice is 60 min for patients.
    const soon = await moveAppointment(desk, id, { start: "2026-11-23T08:00:00-06:00", therapistId: practice.therapists[0]!.id }, { ...ctx, now: new Date("2026-11-23T13:45:00Z") });
    expect(soon.startsAt.toISOString()).toBe("2026-11-23T14:00:00.000Z");
    expect(codeOf(await moveAppointment(desk, id, { start: "2026-11-24T19:00:00-06:00", therapistId: practice.therapists[0]!.id }, ctx).catch((e) => e))).toBe("SLOT_UNAVAILABLE");
  });
});

describe("bookForCaller", () => {
  it("books an existing patient and a newly registered one, as staff bookings", async () => {
    const { practice, desk } = await practiceWithVisit();
    const existing = await getPrisma().patient.create({
      data: { firstName: "Caller", lastName: "Known", email: `${crypto.randomUUID()}@example.com`, phone: "+1 915 555 0111", dateOfBirth: new Date("1975-02-03") },
    });
    const first = await bookForCaller(
      desk,
      { serviceId: practice.service.id, locationId: practice.location.id, therapistId: practice.therapists[1]!.id, mode: "CLINIC", start: "2026-11-24T09:00:00-06:00", patientId: existing.id, reason: "Knee pain" },
      ctx,
    );
    expect(first.appointment.source).toBe("STAFF");
    expect(first.appointment.patientId).toBe(existing.id);
    expect([first.appointment.patientFirstName, first.appointment.patientLastName]).toEqual(["Caller", "Known"]);

    const fresh = patientInput();
    const second = await bookForCaller(
      desk,
      { serviceId: practice.service.id, locationId: practice.location.id, therapistId: practice.therapists[1]!.id, mode: "CLINIC", start: "2026-11-24T10:00:00-06:00", newPatient: fresh },
      ctx,
    );
    const patient = await getPrisma().patient.findUniqueOrThrow({ where: { id: second.appointment.patientId } });
    expect(patient.email).toBe(fresh.email);
    expect([second.appointment.patientFirstName, second.appointment.patientLastName]).toEqual([fresh.firstName, fresh.lastName]);
  });
});

describe("bookForCaller in every mode", () => {
  const ALL_MODES = ["CLINIC", "HOME", "VIDEO"] as ("CLINIC" | "HOME" | "VIDEO")[];
  const everyMode = () =>
    createPractice({ service: { visitModes: ALL_MODES }, hours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 8 * 60, endMinute: 18 * 60, visitModes: ALL_MODES }] });
  const home = { line1: "4410 Loma Del Norte Dr", city: "El Paso", postalCode: "79912" };

  it("asks a new caller's home visit for the address, as online booking does", () => {
    const body = {
      serviceId: crypto.randomUUID(), locationId: crypto.randomUUID(), therapistId: crypto.randomUUID(), mode: "HOME", start: "2026-11-24T09:00:00-06:00", newPatient: patientInput(),
    };
    const parsed = bookForCallerSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["newPatient.address", "Enter the address where the patient is to be visited."]]);
    const badCode = bookForCallerSchema.safeParse({ ...body, newPatient: { ...patientInput(), address: { ...home, postalCode: "??" } } });
    expect(badCode.error?.issues.map((i) => i.path.join("."))).toEqual(["newPatient.address.postalCode"]);
  });

  it("books a new caller's home visit at the address given and hands back the manage link once", async () => {
    const practice = await everyMode();
    const desk = await createStaffMember("FRONT_DESK");
    const booked = await bookForCaller(
      desk,
      { serviceId: practice.service.id, locationId: practice.location.id, therapistId: practice.therapists[0]!.id, mode: "HOME", start: "2026-11-24T09:00:00-06:00", newPatient: { ...patientInput(), address: home } },
      ctx,
    );
    expect(booked.appointment.mode).toBe("HOME");
    expect([booked.appointment.visitAddressLine1, booked.appointment.visitCity, booked.appointment.visitPostalCode]).toEqual([home.line1, home.city, home.postalCode]);
    expect(booked.manageUrl).toMatch(new RegExp(`/en/manage/${booked.manageToken}$`));
    expect(booked.joinUrl).toBeNull();
    // Only the hash is kept.
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.appointment.id } });
    expect(JSON.stringify(row)).not.toContain(booked.manageToken);
  });

  it("uses an existing patient's address on file, or one the desk types, and says when there is none", async () => {
    const practice = await everyMode();
    const desk = await createStaffMember("FRONT_DESK");
    const bare = await getPrisma().patient.create({
      data: { firstName: "No", lastName: "Address", email: `${crypto.randomUUID()}@example.com`, phone: "+1 915 555 0111", dateOfBirth: new Date("1975-02-03") },
    });
    const input = { serviceId: practice.service.id, locationId: practice.location.id, therapistId: practice.therapists[0]!.id, mode: "HOME" as const, start: "2026-11-24T09:00:00-06:00", patientId: bare.id };
    const refused = await bookForCaller(desk, input, ctx).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe("VALIDATION_FAILED");
    expect(Object.keys((refused as AppError).fields ?? {})).toEqual(["visitAddress"]);
    const typed = await bookForCaller(desk, { ...input, visitAddress: home }, ctx);
    expect(typed.appointment.visitPostalCode).toBe("79912");

    const onFile = await getPrisma().patient.create({
      data: { firstName: "Has", lastName: "Address", email: `${crypto.randomUUID()}@example.com`, phone: "+1 915 555 0112", dateOfBirth: new Date("1976-02-03"), addressLine1: "9 Mesa St", city: "El Paso", postalCode: "79912" },
    });
    const stored = await bookForCaller(desk, { ...input, patientId: onFile.id, start: "2026-11-24T12:00:00-06:00" }, ctx);
    expect([stored.appointment.visitAddressLine1, stored.appointment.visitPostalCode]).toEqual(["9 Mesa St", "79912"]);
  });

  it("books a video visit and hands back its video link", async () => {
    const practice = await everyMode();
    const desk = await createStaffMember("FRONT_DESK");
    const booked = await bookForCaller(
      desk,
      { serviceId: practice.service.id, locationId: practice.location.id, therapistId: practice.therapists[0]!.id, mode: "VIDEO", start: "2026-11-24T10:00:00-06:00", newPatient: patientInput(), language: "es" },
      ctx,
    );
    expect(booked.appointment.mode).toBe("VIDEO");
    expect(booked.appointment.roomId).toBeNull();
    expect(booked.manageUrl).toMatch(new RegExp(`/es/manage/${booked.manageToken}$`));
    expect(booked.joinUrl).toMatch(/\/visit\/[A-Za-z0-9_-]+$/);
  });
});

describe("bookForCaller with the first available therapist", () => {
  it("gives the time to a therapist who speaks the caller's language when both are free", async () => {
    const practice = await createPractice({ therapists: 2 });
    // Ties go to the lower id: the Spanish speaker gets the higher one, so only the language can pick them.
    const [english, spanish] = [...practice.therapists].sort((a, b) => (a.id < b.id ? -1 : 1));
    await getPrisma().therapist.update({ where: { id: english!.id }, data: { languages: ["en"] } });
    await getPrisma().therapist.update({ where: { id: spanish!.id }, data: { languages: ["en", "es"] } });
    const desk = await createStaffMember("FRONT_DESK");
    const input = { serviceId: practice.service.id, locationId: practice.location.id, mode: "CLINIC" as const, start: "2026-11-24T09:00:00-06:00" };
    const inSpanish = await bookForCaller(desk, { ...input, newPatient: patientInput(), language: "es" }, ctx);
    expect(inSpanish.appointment.therapistId).toBe(spanish!.id);
    const returning = await getPrisma().patient.create({
      data: { firstName: "Lucía", lastName: "Known", email: `${crypto.randomUUID()}@example.com`, phone: "+1 915 555 0113", dateOfBirth: new Date("1980-02-03"), preferredLanguage: "es" },
    });
    // The Spanish speaker is now busy at 09:00: the caller is not kept waiting for them.
    const next = await bookForCaller(desk, { ...input, patientId: returning.id }, ctx);
    expect(next.appointment.therapistId).toBe(english!.id);
    const later = await bookForCaller(desk, { ...input, start: "2026-11-24T11:00:00-06:00", patientId: returning.id }, ctx);
    expect(later.appointment.therapistId).toBe(spanish!.id);
  });
});

describe("loadCalendar", () => {
  it("shows a location's day in its zone to the desk, and refuses therapists", async () => {
    const { practice, desk } = await practiceWithVisit();
    const day = await loadCalendar(desk, { location: practice.location.id, date: "2026-11-24", view: "day" });
    expect(day.location.timeZone).toBe("America/Chicago");
    expect(day.therapists).toHaveLength(2);
    expect(day.appointments.map((a) => a.start)).toEqual(["2026-11-24T09:00:00-06:00"]);
    expect(day.hours.filter((h) => h.therapistId === practice.therapists[0]!.id)).toEqual([
      { therapistId: practice.therapists[0]!.id, date: "2026-11-24", startMinute: 480, endMinute: 1080, visitModes: ["CLINIC", "HOME"] },
    ]);
    const week = await loadCalendar(desk, { location: practice.location.id, date: "2026-11-26", view: "week" });
    expect(week.dates).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    expect(codeOf(await loadCalendar(therapist, { location: practice.location.id, date: "2026-11-24", view: "day" }).catch((e) => e))).toBe("FORBIDDEN");
  });
});
