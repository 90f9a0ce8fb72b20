import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { changeAppointmentStatus } from "./mutations";

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };

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
    const updated = await changeAppointmentStatus(desk, { appointmentId: id, action: "check-in" }, ctx);
    expect(updated.status).toBe("CHECKED_IN");
    expect(updated.checkedInAt?.toISOString()).toBe(NOW.toISOString());
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
    await changeAppointmentStatus(desk, { appointmentId: id, action: "check-in", expectedUpdatedAt: seen }, ctx);
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
