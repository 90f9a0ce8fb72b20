import { describe, expect, it } from "vitest";
import { createStaffMember } from "../../test/fixtures";
import { bookVisit, ctx, remindedVisit, startIn, withMailCatcher } from "../../test/reminder-visits";
import { moveAppointment } from "../appointments/mutations";
import { cancelBooking, rescheduleBooking } from "../booking/mutations";
import { loadCalendar } from "../calendar/data";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { findAttendanceVisit } from "./data";
import { answerAttendance } from "./mutations";

// A reminder's answer links, from the mail that really went out to the
// visit and the calendar the desk sees.

const mail = withMailCatcher();

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

/** A visit tomorrow whose email reminder was sent; the token its answer links carry. */
async function remindedVisitWithToken() {
  const visit = await remindedVisit(mail.transport);
  return { ...visit, token: /\/attendance\/([A-Za-z0-9_-]{43})\?answer=coming/.exec(visit.text)![1]! };
}

async function calendarEntry(practice: Awaited<ReturnType<typeof bookVisit>>["practice"], appointmentId: string, zone: string) {
  const admin = await createStaffMember("ADMIN");
  const visit = await getPrisma().appointment.findUniqueOrThrow({ where: { id: appointmentId } });
  const date = visit.startsAt.toLocaleDateString("en-CA", { timeZone: zone });
  const board = await loadCalendar(admin, { location: practice.location.id, view: "day", date });
  const card = board.appointments.find((a) => a.id === appointmentId)!;
  // The board leaves these flags out when they are not set.
  return { ...card, patientConfirmed: card.patientConfirmed ?? false, changeRequested: card.changeRequested ?? false };
}

describe("a reminder's answer links", () => {
  it("record 'I'll be there' on the visit, audited, shown on the calendar, and cleared when the desk moves the visit", async () => {
    const { practice, booked, token, zone } = await remindedVisitWithToken();
    const found = await findAttendanceVisit(token, new Date(), "en");
    expect(found).toMatchObject({ appointmentId: booked.id, status: "BOOKED", patientConfirmedAt: null, changeRequestedAt: null });
    expect(found!.manageUrl).toMatch(/\/en\/manage\/[A-Za-z0-9_-]{43}$/);
    expect((await calendarEntry(practice, booked.id, zone)).patientConfirmed).toBe(false);

    await answerAttendance(token, "coming", ctx());
    await answerAttendance(token, "coming", ctx());
    const confirmed = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(confirmed.patientConfirmedAt).not.toBeNull();
    expect(await getPrisma().auditLog.count({ where: { entityId: booked.id, action: "appointment.patient-confirm", actor: "patient via reminder link" } })).toBe(1);
    expect(await calendarEntry(practice, booked.id, zone)).toMatchObject({ patientConfirmed: true, changeRequested: false });

    const desk = await createStaffMember("FRONT_DESK");
    await moveAppointment(desk, booked.id, { start: startIn(24, zone), therapistId: practice.therapists[0]!.id }, ctx());
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).patientConfirmedAt).toBeNull();
    expect((await calendarEntry(practice, booked.id, zone)).patientConfirmed).toBe(false);
  });

  it("record 'I need to change', which replaces an earlier 'I'll be there', and offer the manage page", async () => {
    const { practice, booked, token, zone } = await remindedVisitWithToken();
    await answerAttendance(token, "coming", ctx());
    await answerAttendance(token, "change", ctx());
    const visit = await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(visit.changeRequestedAt).not.toBeNull();
    expect(visit.patientConfirmedAt).toBeNull();
    expect(await calendarEntry(practice, booked.id, zone)).toMatchObject({ patientConfirmed: false, changeRequested: true });
    expect(await getPrisma().auditLog.count({ where: { entityId: booked.id, action: "appointment.change-request" } })).toBe(1);
  });

  it("answer for the visit a booking became after the patient rescheduled it", async () => {
    const { booked, token, zone } = await remindedVisitWithToken();
    const moved = await rescheduleBooking(booked.manageToken, { start: startIn(30, zone) }, ctx());
    await answerAttendance(token, "coming", ctx());
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: moved.id } })).patientConfirmedAt).not.toBeNull();
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).patientConfirmedAt).toBeNull();
  });

  it("refuse a cancelled visit and a link that is not one, changing nothing", async () => {
    const { booked, token } = await remindedVisitWithToken();
    await cancelBooking(booked.manageToken, {}, ctx());
    expect(codeOf(await answerAttendance(token, "coming", ctx()).catch((e: unknown) => e))).toBe("INVALID_TRANSITION");
    expect(codeOf(await answerAttendance("A".repeat(43), "coming", ctx()).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect(codeOf(await answerAttendance("short", "coming", ctx()).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: booked.id } })).patientConfirmedAt).toBeNull();
  });

  it("do not open through a manage link's token, nor a manage link through theirs", async () => {
    const { booked, token } = await remindedVisitWithToken();
    expect(await findAttendanceVisit(booked.manageToken, new Date(), "en")).toBeNull();
    const { openBooking } = await import("../booking/mutations");
    expect(codeOf(await openBooking(token, ctx()).catch((e: unknown) => e))).toBe("NOT_FOUND");
  });
});
