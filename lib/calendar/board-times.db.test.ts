import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, uniq } from "../../test/fixtures";
import { getPrisma } from "../db/client";
import { formatInstantWithOffset, zonedDayBounds } from "../scheduling/zone-time";
import { loadCalendar, openCalendar, openCalendarJson } from "./data";
import type { CalendarQuery } from "./schema";

// PostgreSQL writes the board's JSON itself, times and the board's days
// included: these pin them to what the scheduling code means by them (the
// location's offset at each instant, and days from local midnight to local
// midnight, a midnight that happens twice being its first occurrence).

const ctx = { ipAddress: "127.0.0.1" };

async function practiceIn(timeZone: string) {
  const practice = await createPractice({ timeZone, rooms: [{ name: "Room 1", capacity: 1 }] });
  const desk = await createStaffMember("FRONT_DESK");
  const patient = await getPrisma().patient.create({
    data: { firstName: "Zoë", lastName: `O"Brien \\ ${uniq("Times")}`, email: `${uniq("times")}@example.com`, phone: "+1 915 555 0100", dateOfBirth: new Date("1970-04-05") },
  });
  const visit = (startsAt: string, minutes: number, extra: { roomId?: string } = {}) => {
    const start = new Date(startsAt);
    const end = new Date(start.getTime() + minutes * 60_000);
    return getPrisma().appointment.create({
      data: {
        patientId: patient.id, therapistId: practice.therapists[0]!.id, serviceId: practice.service.id, locationId: practice.location.id, mode: "CLINIC",
        startsAt: start, endsAt: end, blockedFrom: start, blockedUntil: end, source: "STAFF", manageTokenHash: randomUUID(), manageTokenExpiresAt: end, ...extra,
      },
    });
  };
  return { practice, desk, patient, visit };
}

describe("the calendar board's times", () => {
  it("carry the location's offset on either side of a change of clocks, as the scheduling code writes them", async () => {
    const { practice, desk, visit } = await practiceIn("America/New_York");
    // New York leaves daylight time on Sunday 2026-11-01 at 02:00.
    const saturday = await visit("2026-10-31T13:00:00Z", 45, { roomId: practice.location.rooms[0]!.id });
    const sunday = await visit("2026-11-01T14:00:00Z", 45);
    const query: CalendarQuery = { location: practice.location.id, date: "2026-10-28", view: "week" };
    const board = await openCalendar(desk, query, ctx);
    expect(board.dates).toEqual(["2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01"]);
    expect(board.appointments.map((a) => [a.id, a.start, a.end, a.room])).toEqual([
      [saturday.id, "2026-10-31T09:00:00-04:00", "2026-10-31T09:45:00-04:00", "Room 1"],
      [sunday.id, "2026-11-01T09:00:00-05:00", "2026-11-01T09:45:00-05:00", null],
    ]);
    expect(board.appointments[0]!.updatedAt).toBe(saturday.updatedAt.toISOString());
    expect(board.appointments[0]!.patientName).toMatch(/^Zoë O"Brien \\ /);
  });

  it("carry offsets that are not whole hours, east and west of UTC", async () => {
    for (const [timeZone, startsAt, shown] of [
      ["Asia/Kathmandu", "2026-11-24T03:15:00Z", "2026-11-24T09:00:00+05:45"],
      ["America/St_Johns", "2026-11-24T12:30:00Z", "2026-11-24T09:00:00-03:30"],
    ] as const) {
      const { practice, desk, visit } = await practiceIn(timeZone);
      await visit(startsAt, 30);
      const { appointments } = await loadCalendar(desk, { location: practice.location.id, date: "2026-11-24", view: "day" });
      expect(appointments.map((a) => a.start)).toEqual([shown]);
      expect(appointments[0]!.start).toBe(formatInstantWithOffset(Date.parse(startsAt), timeZone));
    }
  });

  it("show a day from its first local midnight, when the clocks go back over midnight", async () => {
    // Havana leaves daylight time on Sunday 2026-11-01 at 01:00, back to
    // 00:00: that day's midnight happens twice, first at 04:00 UTC.
    const { practice, desk, visit } = await practiceIn("America/Havana");
    expect(new Date(zonedDayBounds("2026-11-01", "America/Havana").start).toISOString()).toBe("2026-11-01T04:00:00.000Z");
    const justAfter = await visit("2026-11-01T04:15:00Z", 30);
    const sunday = await loadCalendar(desk, { location: practice.location.id, date: "2026-11-01", view: "day" });
    expect(sunday.appointments.map((a) => [a.id, a.start])).toEqual([[justAfter.id, "2026-11-01T00:15:00-04:00"]]);
    const saturday = await loadCalendar(desk, { location: practice.location.id, date: "2026-10-31", view: "day" });
    expect(saturday.appointments).toEqual([]);
  });

  it("are sent as the JSON text of the board the page shows, with its audit row", async () => {
    const { practice, desk, visit } = await practiceIn("America/Chicago");
    await visit("2026-11-24T15:00:00Z", 45);
    const query: CalendarQuery = { location: practice.location.id, date: "2026-11-24", view: "week" };
    const text = await openCalendarJson(desk, query, ctx);
    expect(JSON.parse(text)).toEqual(await openCalendar(desk, query, ctx));
    expect(JSON.parse(text)).toMatchObject({ location: { id: practice.location.id, timeZone: "America/Chicago" }, view: "week" });
    expect(await getPrisma().auditLog.count({ where: { staffUserId: desk.id, action: "calendar.view" } })).toBe(2);
  });
});
