import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { changeAppointmentStatus } from "../appointments/mutations";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { readVisitNote } from "./data";
import { recordVisit, saveVisitNote } from "./mutations";

const NOW = new Date("2026-11-23T15:30:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const NOTE = "Medial knee pain 3/10 on stairs; progressed step-downs to 20 cm.";

async function visitWithTwoTherapists() {
  const practice = await createPractice({ therapists: 2 });
  const booked = await createBooking(
    { service: practice.service.id, start: "2026-11-23T09:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
    { now: new Date("2026-11-16T12:00:00Z"), ipAddress: null },
  );
  const own = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
  const colleague = await createStaffMember("THERAPIST", practice.therapists[1]!.id);
  return { id: booked.id, own, colleague };
}

async function shownUpdatedAt(id: string) {
  return (await getPrisma().appointment.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
}

describe("saveVisitNote and readVisitNote", () => {
  it("lets the visit's own therapist write, rewrite and read the note, one row per visit", async () => {
    const { id, own } = await visitWithTwoTherapists();
    const first = await saveVisitNote(own, { appointmentId: id, body: "  First draft  " }, ctx);
    expect(first.body).toBe("First draft");
    const second = await saveVisitNote(own, { appointmentId: id, body: NOTE }, ctx);
    expect(second.id).toBe(first.id);
    expect(await readVisitNote(own, id)).toMatchObject({ appointmentId: id, body: NOTE, authorId: own.id });
    expect(await getPrisma().visitNote.count({ where: { appointmentId: id } })).toBe(1);
  });

  it("audits each save and read without the note's words", async () => {
    const { id, own } = await visitWithTwoTherapists();
    const note = await saveVisitNote(own, { appointmentId: id, body: NOTE }, ctx);
    await readVisitNote(own, id, { ipAddress: "10.0.0.9" });
    const rows = await getPrisma().auditLog.findMany({ where: { staffUserId: own.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["visit-note.save", "visit-note.read"]);
    expect(rows[0]).toMatchObject({ entity: "VisitNote", entityId: note.id, ipAddress: "127.0.0.1" });
    expect(rows[0]!.patientId).toBeTruthy();
    for (const row of rows) expect(JSON.stringify(row.detail)).not.toContain("stairs");
  });

  it("hides the visit from another therapist and refuses the front desk, writing nothing", async () => {
    const { id, own, colleague } = await visitWithTwoTherapists();
    await saveVisitNote(own, { appointmentId: id, body: NOTE }, ctx);
    const desk = await createStaffMember("FRONT_DESK");

    expect(codeOf(await saveVisitNote(colleague, { appointmentId: id, body: "Overwritten" }, ctx).catch((e) => e))).toBe("NOT_FOUND");
    expect(codeOf(await readVisitNote(colleague, id).catch((e) => e))).toBe("NOT_FOUND");
    expect(codeOf(await saveVisitNote(desk, { appointmentId: id, body: "Overwritten" }, ctx).catch((e) => e))).toBe("FORBIDDEN");
    expect(codeOf(await readVisitNote(desk, id).catch((e) => e))).toBe("FORBIDDEN");
    expect((await getPrisma().visitNote.findUniqueOrThrow({ where: { appointmentId: id } })).body).toBe(NOTE);
    expect(await getPrisma().auditLog.count({ where: { staffUserId: { in: [colleague.id, desk.id] } } })).toBe(0);
  });

  it("lets an administrator read and write any visit's note", async () => {
    const { id, own } = await visitWithTwoTherapists();
    await saveVisitNote(own, { appointmentId: id, body: NOTE }, ctx);
    const admin = await createStaffMember("ADMIN");
    expect((await readVisitNote(admin, id))?.body).toBe(NOTE);
    await saveVisitNote(admin, { appointmentId: id, body: "Addendum by admin" }, ctx);
    expect(await readVisitNote(own, id)).toMatchObject({ body: "Addendum by admin", authorId: admin.id });
  });

  it("refuses an empty or over-long note and an appointment that does not exist", async () => {
    const { id, own } = await visitWithTwoTherapists();
    expect(codeOf(await saveVisitNote(own, { appointmentId: id, body: "   " }, ctx).catch((e) => e))).toBe("VALIDATION_FAILED");
    expect(codeOf(await saveVisitNote(own, { appointmentId: id, body: "x".repeat(5001) }, ctx).catch((e) => e))).toBe("VALIDATION_FAILED");
    expect(codeOf(await saveVisitNote(own, { appointmentId: "00000000-0000-4000-8000-000000000000", body: "x" }, ctx).catch((e) => e))).toBe("NOT_FOUND");
    expect(codeOf(await saveVisitNote(own, { appointmentId: "not-a-uuid", body: "x" }, ctx).catch((e) => e))).toBe("NOT_FOUND");
    expect(codeOf(await readVisitNote(own, "not-a-uuid").catch((e) => e))).toBe("NOT_FOUND");
    expect(await readVisitNote(own, id)).toBeNull();
  });
});

describe("recordVisit (the My day form)", () => {
  it("saves the note and marks the visit complete through the status path, auditing both", async () => {
    const { id, own } = await visitWithTwoTherapists();
    const result = await recordVisit(own, { appointmentId: id, body: NOTE, intent: "complete", expectedUpdatedAt: await shownUpdatedAt(id) }, ctx);

    expect(result.status).toBe("COMPLETED");
    expect(result.note?.body).toBe(NOTE);
    const visit = await getPrisma().appointment.findUniqueOrThrow({ where: { id }, include: { visitNote: true } });
    expect(visit.status).toBe("COMPLETED");
    expect(visit.completedAt?.toISOString()).toBe(NOW.toISOString());
    expect(visit.visitNote).toMatchObject({ body: NOTE, authorId: own.id });
    const actions = (await getPrisma().auditLog.findMany({ where: { staffUserId: own.id } })).map((r) => r.action).sort();
    expect(actions).toEqual(["appointment.complete", "visit-note.save"]);
  });

  it("marks a visit complete without a note, and saves a note without completing", async () => {
    const { id, own } = await visitWithTwoTherapists();
    expect(await recordVisit(own, { appointmentId: id, body: "Pre-visit plan", intent: "save", expectedUpdatedAt: await shownUpdatedAt(id) }, ctx)).toMatchObject({
      status: null,
      note: { body: "Pre-visit plan" },
    });
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id } })).status).toBe("BOOKED");
    expect(await recordVisit(own, { appointmentId: id, body: "", intent: "complete", expectedUpdatedAt: await shownUpdatedAt(id) }, ctx)).toMatchObject({
      status: "COMPLETED",
      note: null,
    });
    expect((await readVisitNote(own, id))?.body).toBe("Pre-visit plan");
  });

  it("changes nothing when the screen was stale, or the visit can no longer be completed", async () => {
    const { id, own } = await visitWithTwoTherapists();
    const seen = await shownUpdatedAt(id);
    const desk = await createStaffMember("FRONT_DESK");
    await changeAppointmentStatus(desk, { appointmentId: id, action: "check-in" }, ctx);

    const stale = await recordVisit(own, { appointmentId: id, body: NOTE, intent: "complete", expectedUpdatedAt: seen }, ctx).catch((e) => e);
    expect(codeOf(stale)).toBe("STALE");
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id } })).status).toBe("CHECKED_IN");
    expect(await getPrisma().visitNote.count({ where: { appointmentId: id } })).toBe(0);

    await changeAppointmentStatus(desk, { appointmentId: id, action: "cancel", reason: "Patient left" }, ctx);
    const cancelled = await recordVisit(own, { appointmentId: id, body: NOTE, intent: "complete", expectedUpdatedAt: await shownUpdatedAt(id) }, ctx).catch((e) => e);
    expect(codeOf(cancelled)).toBe("INVALID_TRANSITION");
    expect(await getPrisma().visitNote.count({ where: { appointmentId: id } })).toBe(0);
  });

  it("does not let another therapist complete the visit or the front desk write a note through the form", async () => {
    const { id, colleague } = await visitWithTwoTherapists();
    const desk = await createStaffMember("FRONT_DESK");
    const form = { appointmentId: id, body: NOTE, intent: "complete" as const, expectedUpdatedAt: await shownUpdatedAt(id) };
    expect(codeOf(await recordVisit(colleague, form, ctx).catch((e) => e))).toBe("NOT_FOUND");
    expect(codeOf(await recordVisit(desk, form, ctx).catch((e) => e))).toBe("FORBIDDEN");
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id } })).status).toBe("BOOKED");
  });
});
