import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { changeAppointmentStatus } from "./mutations";

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
// The visits below start 2026-11-24 09:00 in Chicago (15:00Z); these are moments of that local day.
const VISIT_DAY = new Date("2026-11-24T14:30:00Z");
const dayCtx = { now: VISIT_DAY, ipAddress: "127.0.0.1" };
const at = (iso: string) => ({ now: new Date(iso), ipAddress: "127.0.0.1" });

async function bookedVisit(therapists = 1) {
  const practice = await createPractice({ therapists });
  const booked = await createBooking(
    { service: practice.service.id, start: "2026-11-24T09:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
    ctx,
  );
  return { practice, id: booked.id };
}

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

describe("changeAppointmentStatus", () => {
  it("lets the front desk check a patient in and records who did it", async () => {
    const { id } = await bookedVisit();
    const desk = await createStaffMember("FRONT_DESK");
    const updated = await changeAppointmentStatus(desk, { appointmentId: id, action: "check-in" }, dayCtx);
    expect(updated.status).toBe("CHECKED_IN");
    expect(updated.checkedInAt?.toISOString()).toBe(VISIT_DAY.toISOString());
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: id, action: "appointment.check-in" } });
    expect(log.staffUserId).toBe(desk.id);
  });

  it("lets a therapist complete their own visits but not touch a colleague's", async () => {
    const { practice, id } = await bookedVisit(2);
    const own = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
    const colleague = await createStaffMember("THERAPIST", practice.therapists[1]!.id);
    expect(codeOf(await changeAppointmentStatus(colleague, { appointmentId: id, action: "complete" }, ctx).catch((e) => e))).toBe("NOT_FOUND");
    expect((await changeAppointmentStatus(own, { appointmentId: id, action: "complete" }, ctx)).status).toBe("COMPLETED");
  });

  it("refuses a change made on an out-of-date screen", async () => {
    const { id } = await bookedVisit();
    const desk = await createStaffMember("FRONT_DESK");
    const seen = (await getPrisma().appointment.findUniqueOrThrow({ where: { id } })).updatedAt;
    await changeAppointmentStatus(desk, { appointmentId: id, action: "check-in", expectedUpdatedAt: seen }, dayCtx);
    const stale = await changeAppointmentStatus(desk, { appointmentId: id, action: "cancel", reason: "Asked to", expectedUpdatedAt: seen }, ctx).catch((e) => e);
    expect(codeOf(stale)).toBe("STALE");
  });

  it("needs a reason to cancel and frees the time when cancelled", async () => {
    const { practice, id } = await bookedVisit();
    const desk = await createStaffMember("ADMIN");
    expect(codeOf(await changeAppointmentStatus(desk, { appointmentId: id, action: "cancel" }, ctx).catch((e) => e))).toBe("VALIDATION_FAILED");
    await changeAppointmentStatus(desk, { appointmentId: id, action: "cancel", reason: "Patient called in sick" }, ctx);
    const again = await createBooking(
      { service: practice.service.id, start: "2026-11-24T09:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
      ctx,
    );
    expect(again.id).not.toBe(id);
  });

  it("does not mark a future visit as a no-show", async () => {
    const { id } = await bookedVisit();
    const desk = await createStaffMember("FRONT_DESK");
    expect(codeOf(await changeAppointmentStatus(desk, { appointmentId: id, action: "no-show" }, ctx).catch((e) => e))).toBe("INVALID_TRANSITION");
  });
});

describe("the visit's day and taking a status back", () => {
  it("checks in only on the visit's local day in the location's zone, also around midnight", async () => {
    const { id } = await bookedVisit();
    const desk = await createStaffMember("FRONT_DESK");
    const early = await changeAppointmentStatus(desk, { appointmentId: id, action: "check-in" }, ctx).catch((e: unknown) => e);
    expect(codeOf(early)).toBe("INVALID_TRANSITION");
    expect((early as AppError).message).toBe("A patient can be checked in only on the day of the visit (2026-11-24, America/Chicago).");
    // 23:30 on the 23rd in Chicago, already the 24th in UTC: still the day before.
    expect(codeOf(await changeAppointmentStatus(desk, { appointmentId: id, action: "check-in" }, at("2026-11-24T05:30:00Z")).catch((e) => e))).toBe("INVALID_TRANSITION");
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id } })).status).toBe("BOOKED");
    // 00:05 on the 24th in Chicago.
    expect((await changeAppointmentStatus(desk, { appointmentId: id, action: "check-in" }, at("2026-11-24T06:05:00Z"))).status).toBe("CHECKED_IN");
  });

  it("undoes a check-in and a no-show the same day, audited, back to booked", async () => {
    const { id } = await bookedVisit();
    const desk = await createStaffMember("FRONT_DESK");
    await changeAppointmentStatus(desk, { appointmentId: id, action: "check-in" }, dayCtx);
    const undone = await changeAppointmentStatus(desk, { appointmentId: id, action: "undo-check-in" }, dayCtx);
    expect(undone.status).toBe("BOOKED");
    expect(undone.checkedInAt).toBeNull();

    const afterStart = at("2026-11-24T15:20:00Z");
    await changeAppointmentStatus(desk, { appointmentId: id, action: "no-show" }, afterStart);
    // 23:50 in Chicago, the visit's day still.
    expect((await changeAppointmentStatus(desk, { appointmentId: id, action: "undo-no-show" }, at("2026-11-25T05:50:00Z"))).status).toBe("BOOKED");

    const rows = await getPrisma().auditLog.findMany({ where: { entityId: id, action: { startsWith: "appointment.undo-" } }, orderBy: { action: "asc" } });
    expect(rows.map((r) => [r.action, r.staffUserId, r.detail])).toEqual([
      ["appointment.undo-check-in", desk.id, { from: "CHECKED_IN", to: "BOOKED" }],
      ["appointment.undo-no-show", desk.id, { from: "NO_SHOW", to: "BOOKED" }],
    ]);
  });

  it("refuses to undo on a later day, with a message, and changes nothing", async () => {
    const { id } = await bookedVisit();
    const desk = await createStaffMember("FRONT_DESK");
    await changeAppointmentStatus(desk, { appointmentId: id, action: "no-show" }, at("2026-11-24T15:20:00Z"));
    // 00:10 on the 25th in Chicago.
    const late = await changeAppointmentStatus(desk, { appointmentId: id, action: "undo-no-show" }, at("2026-11-25T06:10:00Z")).catch((e: unknown) => e);
    expect(codeOf(late)).toBe("INVALID_TRANSITION");
    expect((late as AppError).message).toMatch(/^A no-show can be undone only on the day of the visit/);
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id } })).status).toBe("NO_SHOW");
    expect(await getPrisma().auditLog.count({ where: { entityId: id, action: "appointment.undo-no-show" } })).toBe(0);
  });

  it("answers 409 when the no-show's time was given to another visit since, and changes nothing", async () => {
    const { practice, id } = await bookedVisit();
    const desk = await createStaffMember("FRONT_DESK");
    const afterStart = at("2026-11-24T15:05:00Z");
    await changeAppointmentStatus(desk, { appointmentId: id, action: "no-show" }, afterStart);
    // The freed time goes to someone else (the desk books a walk-in at once).
    await createBooking(
      { service: practice.service.id, start: "2026-11-24T09:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
      ctx,
    );
    const refused = await changeAppointmentStatus(desk, { appointmentId: id, action: "undo-no-show" }, afterStart).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe("SLOT_TAKEN");
    expect((refused as AppError).status).toBe(409);
    expect((refused as AppError).message).toMatch(/given to another visit/);
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id } })).status).toBe("NO_SHOW");
    expect(await getPrisma().auditLog.count({ where: { entityId: id, action: "appointment.undo-no-show" } })).toBe(0);
  });
});
