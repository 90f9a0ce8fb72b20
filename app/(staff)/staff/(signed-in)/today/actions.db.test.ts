import { beforeEach, describe, expect, it, vi } from "vitest";
import { createPractice, createStaffMember, patientInput } from "@/test/fixtures";
import type { StaffMember } from "@/lib/auth/mutations";
import { createBooking } from "@/lib/booking/mutations";
import { getPrisma } from "@/lib/db/client";
import { saveVisitAction } from "./actions";
import { INITIAL_VISIT_FORM_STATE } from "./visit-form-state";

// The action as the page calls it, with the session and request stubbed:
// the form fields, the domain path, the audit rows and the answer are real.
const signedIn = vi.hoisted(() => ({ staff: null as StaffMember | null }));
vi.mock("@/lib/auth/require-staff", async () => {
  const { AppError } = await import("@/lib/errors/app-error");
  return {
    authorizeStaff: async (...roles: string[]) => {
      if (!signedIn.staff) throw new AppError("UNAUTHORIZED", "Please sign in again.");
      if (!roles.includes(signedIn.staff.role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
      return signedIn.staff;
    },
  };
});
vi.mock("@/lib/http/staff-context", () => ({ staffContext: async () => ({ now: new Date("2026-11-23T15:30:00Z"), ipAddress: "10.1.2.3" }) }));
const refreshed = vi.hoisted(() => ({ count: 0 }));
vi.mock("next/cache", () => ({ refresh: () => void refreshed.count++ }));

async function bookedVisit() {
  const practice = await createPractice();
  const booked = await createBooking(
    { service: practice.service.id, start: "2026-11-23T09:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[0]!.id, patient: patientInput() },
    { now: new Date("2026-11-16T12:00:00Z"), ipAddress: null },
  );
  const therapist = await createStaffMember("THERAPIST", practice.therapists[0]!.id);
  const updatedAt = (await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).updatedAt.toISOString();
  return { id: booked.id, therapist, updatedAt };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

beforeEach(() => {
  signedIn.staff = null;
  refreshed.count = 0;
});

describe("saveVisitAction", () => {
  it("saves the note and completes the visit from the form's fields, audited, and refreshes the page", async () => {
    const { id, therapist, updatedAt } = await bookedVisit();
    signedIn.staff = therapist;

    const answer = await saveVisitAction(INITIAL_VISIT_FORM_STATE, form({ appointmentId: id, expectedUpdatedAt: updatedAt, body: "Good session.", intent: "complete" }));

    expect(answer).toMatchObject({ outcome: "saved", message: "Note saved and visit marked complete.", noteError: null });
    expect(refreshed.count).toBe(1);
    const visit = await getPrisma().appointment.findUniqueOrThrow({ where: { id }, include: { visitNote: true } });
    expect(visit.status).toBe("COMPLETED");
    expect(visit.visitNote?.body).toBe("Good session.");
    const rows = await getPrisma().auditLog.findMany({ where: { staffUserId: therapist.id } });
    expect(rows.map((r) => r.action).sort()).toEqual(["appointment.complete", "visit-note.save"]);
    expect(rows.every((r) => r.ipAddress === "10.1.2.3")).toBe(true);
  });

  it("answers a stale screen with a clear message, keeps nothing, and refreshes so the visit shows as it is", async () => {
    const { id, therapist } = await bookedVisit();
    signedIn.staff = therapist;

    const answer = await saveVisitAction(
      INITIAL_VISIT_FORM_STATE,
      form({ appointmentId: id, expectedUpdatedAt: "2026-01-01T00:00:00.000Z", body: "Good session.", intent: "complete" }),
    );

    expect(answer.outcome).toBe("failed");
    expect(answer.message).toMatch(/^Someone else changed this visit a moment ago, so nothing was saved/);
    expect(refreshed.count).toBe(1);
    expect(await getPrisma().visitNote.count({ where: { appointmentId: id } })).toBe(0);
  });

  it("points at the note when it is missing or too long", async () => {
    const { id, therapist, updatedAt } = await bookedVisit();
    signedIn.staff = therapist;
    const empty = await saveVisitAction(INITIAL_VISIT_FORM_STATE, form({ appointmentId: id, expectedUpdatedAt: updatedAt, body: " ", intent: "save" }));
    expect(empty).toMatchObject({ outcome: "failed", noteError: "Write the note before saving it." });
    const long = await saveVisitAction(INITIAL_VISIT_FORM_STATE, form({ appointmentId: id, expectedUpdatedAt: updatedAt, body: "x".repeat(5001), intent: "save" }));
    expect(long).toMatchObject({ outcome: "failed", noteError: "Keep the note to 5000 characters or fewer." });
  });

  it("refuses the front desk", async () => {
    const { id, updatedAt } = await bookedVisit();
    signedIn.staff = await createStaffMember("FRONT_DESK");
    const answer = await saveVisitAction(INITIAL_VISIT_FORM_STATE, form({ appointmentId: id, expectedUpdatedAt: updatedAt, body: "x", intent: "save" }));
    expect(answer.outcome).toBe("failed");
    expect(await getPrisma().visitNote.count({ where: { appointmentId: id } })).toBe(0);
  });
});
