import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { openCalendar, openCalendarVisit } from "./data";
import type { CalendarQuery } from "./schema";

// The board carries per visit only what its card shows, since the desk polls
// it; what the visit's panel adds (the patient's phone and record, how the
// visit was booked) is read, and audited, when the panel opens.

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
const DAY = "2026-11-24";

async function bookedBoard() {
  const practice = await createPractice({ therapists: 1, rooms: [{ name: "Room 1", capacity: 1 }] });
  const desk = await createStaffMember("FRONT_DESK");
  const patient = { ...patientInput(), phone: "+19155550177" };
  const booked = await createBooking(
    { service: practice.service.id, start: `${DAY}T09:00:00-06:00`, mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient },
    ctx,
  );
  const query: CalendarQuery = { location: practice.location.id, date: DAY, view: "week" };
  return { practice, desk, patient, booked, query };
}

describe("the calendar board's visits", () => {
  it("carry what the card shows and no contact details or record ids", async () => {
    const { practice, desk, patient, booked, query } = await bookedBoard();
    const board = await openCalendar(desk, query, ctx);
    const [card] = board.appointments;
    expect(Object.keys(card!).sort()).toEqual(["end", "id", "mode", "patientName", "room", "serviceId", "start", "status", "therapistId", "updatedAt"]);
    expect(card).toMatchObject({ id: booked.id, patientName: `${patient.firstName} ${patient.lastName}`, serviceId: practice.service.id, start: `${DAY}T09:00:00-06:00` });
    expect(board.serviceNames[card!.serviceId]).toBe(practice.service.nameEn);
    const sent = JSON.stringify(board);
    expect(sent).not.toContain("5550177");
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(sent).not.toContain(row.patientId);
  });

  it("name a retired service, which can no longer be booked", async () => {
    const { practice, desk, query } = await bookedBoard();
    await getPrisma().service.update({ where: { id: practice.service.id }, data: { active: false } });
    const board = await openCalendar(desk, query, ctx);
    expect(board.serviceNames[board.appointments[0]!.serviceId]).toBe(practice.service.nameEn);
    expect(board.services.map((s) => s.id)).not.toContain(practice.service.id);
  });

  it("carry a flag only when it is set", async () => {
    const { desk, booked, query } = await bookedBoard();
    expect((await openCalendar(desk, query, ctx)).appointments[0]).not.toHaveProperty("patientConfirmed");
    await getPrisma().appointment.update({ where: { id: booked.id }, data: { patientConfirmedAt: NOW } });
    expect((await openCalendar(desk, query, ctx)).appointments[0]).toMatchObject({ patientConfirmed: true });
  });
});

describe("a visit's panel on the calendar", () => {
  it("reads the patient's phone, record and how the visit was booked, with one audit row naming the patient", async () => {
    const { desk, patient, booked } = await bookedBoard();
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    const visit = await openCalendarVisit(desk, booked.id, ctx);
    expect(visit).toEqual({
      id: booked.id,
      patient: { id: row.patientId, name: `${patient.firstName} ${patient.lastName}`, phone: patient.phone },
      source: "ONLINE",
      eligibilityFollowUp: false,
    });
    const audit = await getPrisma().auditLog.findMany({ where: { staffUserId: desk.id, action: "calendar.visit.view" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "Appointment", entityId: booked.id, patientId: row.patientId, ipAddress: "127.0.0.1" });
  });

  it("is for the same people as the board: administrators too, a therapist not, and an unknown visit is not found, neither audited", async () => {
    const { practice, booked } = await bookedBoard();
    const admin = await createStaffMember("ADMIN");
    expect((await openCalendarVisit(admin, booked.id, ctx)).id).toBe(booked.id);
    const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    await expect(openCalendarVisit(therapist, booked.id, ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const desk = await createStaffMember("FRONT_DESK");
    await expect(openCalendarVisit(desk, "6f1c2d4e-0000-4000-8000-000000000000", ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getPrisma().auditLog.count({ where: { staffUserId: { in: [therapist.id, desk.id] }, action: "calendar.visit.view" } })).toBe(0);
  });
});
