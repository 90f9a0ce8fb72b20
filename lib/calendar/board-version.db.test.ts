import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { changeAppointmentStatus, moveAppointment } from "../appointments/mutations";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { createTimeOff, deleteTimeOff, updateHomeArea, updateWeeklyHours } from "../schedules/mutations";
import { calendarETag, openCalendar } from "./data";
import type { CalendarQuery } from "./schema";

// The calendar's ETag must move with everything its board shows, whichever
// app instance made the change, and stay put otherwise so an unchanged board
// is answered 304.

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
const DAY = "2026-11-24";

async function setUp() {
  const practice = await createPractice({ therapists: 2, rooms: [{ name: "Room 1", capacity: 2 }] });
  const desk = await createStaffMember("FRONT_DESK");
  const admin = await createStaffMember("ADMIN");
  const board: CalendarQuery = { location: practice.location.id, date: DAY, view: "day" };
  return { practice, desk, admin, board };
}

function book(practice: Awaited<ReturnType<typeof createPractice>>, start: string, therapist = 0) {
  return createBooking(
    { service: practice.service.id, start, mode: "CLINIC", locationId: practice.location.id, therapistId: practice.therapists[therapist]!.id, patient: patientInput() },
    ctx,
  );
}

describe("the calendar's ETag", () => {
  it("changes when a visit is booked, moved and cancelled", async () => {
    const { practice, desk, board } = await setUp();
    const empty = await calendarETag(board);
    const booked = await book(practice, `${DAY}T09:00:00-06:00`);
    const afterBooking = await calendarETag(board);
    expect(afterBooking).not.toBe(empty);

    await moveAppointment(desk, booked.id, { start: `${DAY}T11:00:00-06:00`, therapistId: practice.therapists[1]!.id }, ctx);
    const afterMove = await calendarETag(board);
    expect(afterMove).not.toBe(afterBooking);

    await changeAppointmentStatus(desk, { appointmentId: booked.id, action: "cancel", reason: "Called to cancel" }, ctx);
    expect(await calendarETag(board)).not.toBe(afterMove);
  });

  it("changes when weekly hours or time off change", async () => {
    const { practice, admin, board } = await setUp();
    const before = await calendarETag(board);
    const block = await getPrisma().weeklyHours.findFirstOrThrow({ where: { therapistId: practice.therapists[0]!.id } });
    await updateWeeklyHours(admin, { id: block.id, therapistId: block.therapistId, locationId: block.locationId, weekday: block.weekday, start: "07:00", end: "12:00", visitModes: ["CLINIC"] }, ctx);
    const afterHours = await calendarETag(board);
    expect(afterHours).not.toBe(before);

    const off = await createTimeOff(admin, { therapistId: practice.therapists[1]!.id, locationId: practice.location.id, kind: "TIME_OFF", span: "days", firstDay: "2026-12-01", lastDay: "2026-12-01" }, ctx);
    const afterTimeOff = await calendarETag(board);
    expect(afterTimeOff).not.toBe(afterHours);

    await deleteTimeOff(admin, { id: off.status === "saved" ? off.id : "" }, ctx);
    expect(await calendarETag(board)).not.toBe(afterTimeOff);
  });

  it("changes when a therapist of this board is booked at another location, since the board shows that visit", async () => {
    const { practice, board } = await setUp();
    const elsewhere = await createPractice();
    const therapist = practice.therapists[0]!;
    await getPrisma().therapistLocation.create({ data: { therapistId: therapist.id, locationId: elsewhere.location.id } });
    await getPrisma().weeklyHours.create({ data: { therapistId: therapist.id, locationId: elsewhere.location.id, weekday: 3, startMinute: 8 * 60, endMinute: 18 * 60, visitModes: ["CLINIC"] } });
    await getPrisma().therapistService.create({ data: { therapistId: therapist.id, serviceId: elsewhere.service.id } });
    const before = await calendarETag(board);
    await createBooking(
      { service: elsewhere.service.id, start: "2026-11-25T09:00:00-06:00", mode: "CLINIC", locationId: elsewhere.location.id, therapistId: therapist.id, patient: patientInput() },
      ctx,
    );
    expect(await calendarETag(board)).not.toBe(before);
  });

  it("stays the same for reads, refused bookings, other locations' bookings and changes the board does not show", async () => {
    const { practice, desk, admin, board } = await setUp();
    const other = await createPractice();
    await book(practice, `${DAY}T09:00:00-06:00`);
    const week: CalendarQuery = { ...board, view: "week" };
    const before = await calendarETag(board);
    const beforeWeek = await calendarETag(week);

    await openCalendar(desk, board, ctx);
    await openCalendar(desk, week, ctx);
    await expect(book(practice, `${DAY}T09:00:00-06:00`)).rejects.toMatchObject({ code: "SLOT_TAKEN" });
    await createBooking(
      { service: other.service.id, start: `${DAY}T09:00:00-06:00`, mode: "CLINIC", locationId: other.location.id, therapistId: other.therapists[0]!.id, patient: patientInput() },
      ctx,
    );
    await updateHomeArea(admin, { locationId: practice.location.id, postalCodes: "79912, 79913", travelMinutes: "20" }, ctx);

    expect(await calendarETag(board)).toBe(before);
    expect(await calendarETag(week)).toBe(beforeWeek);
  });

  it("is one per location, view and range: every date of a week names the same week board", async () => {
    const { practice, board } = await setUp();
    const monday: CalendarQuery = { ...board, date: "2026-11-23", view: "week" };
    const sunday: CalendarQuery = { ...board, date: "2026-11-29", view: "week" };
    expect(await calendarETag(monday)).toBe(await calendarETag(sunday));
    expect(await calendarETag(monday)).not.toBe(await calendarETag({ ...monday, date: "2026-11-30" }));
    expect(await calendarETag(board)).not.toBe(await calendarETag({ ...board, date: "2026-11-25" }));
    expect(await calendarETag(board)).not.toBe(await calendarETag({ ...board, view: "week" }));
    const other = await createPractice();
    expect(await calendarETag({ ...board, location: other.location.id })).not.toBe(await calendarETag(board));
    expect(practice.location.id).not.toBe(other.location.id);
  });
});

describe("openCalendar", () => {
  it("writes one audit row per board sent, naming the board and no patient", async () => {
    const { practice, desk, board } = await setUp();
    const booked = await book(practice, `${DAY}T09:00:00-06:00`);
    const shown = await openCalendar(desk, board, ctx);
    expect(shown.appointments.map((a) => a.id)).toEqual([booked.id]);
    const rows = await getPrisma().auditLog.findMany({ where: { staffUserId: desk.id, action: "calendar.view" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: "Location", entityId: practice.location.id, patientId: null, ipAddress: "127.0.0.1" });
    expect(rows[0]!.detail).toEqual({ location: practice.location.id, view: "day", date: DAY });
    expect(JSON.stringify(rows[0])).not.toContain(shown.appointments[0]!.patientName.split(" ")[0]!);
  });

  it("writes no audit row when there is no board to send", async () => {
    const { desk, board } = await setUp();
    const unknown = "6f1c2d4e-0000-4000-8000-000000000000";
    const error = await openCalendar(desk, { ...board, location: unknown }, ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    expect(await getPrisma().auditLog.count({ where: { staffUserId: desk.id, action: "calendar.view" } })).toBe(0);
  });

  it("audits the board of a closed location, which still opens for its visits to be moved", async () => {
    const { desk, board } = await setUp();
    const closed = await createPractice({ therapists: 1 });
    await getPrisma().location.update({ where: { id: closed.location.id }, data: { active: false } });
    await openCalendar(desk, { ...board, location: closed.location.id }, ctx);
    expect(await getPrisma().auditLog.count({ where: { staffUserId: desk.id, action: "calendar.view", entityId: closed.location.id } })).toBe(1);
  });
});
