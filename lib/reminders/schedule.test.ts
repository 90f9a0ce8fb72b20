import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { decideReminder, inQuietHours, reminderDueAt, tooLateTonight } from "./schedule";

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm ZZZZ");
const H = 60 * 60 * 1000;

describe("reminderDueAt", () => {
  it("is the lead time before the start when that is outside quiet hours", () => {
    const start = at("2027-06-10T14:00", "America/Denver");
    expect(local(reminderDueAt(start, 24, "America/Denver"), "America/Denver")).toBe("2027-06-09 14:00 MDT");
    expect(local(reminderDueAt(start, 2, "America/Denver"), "America/Denver")).toBe("2027-06-10 12:00 MDT");
  });

  it("moves a due time before 08:00 to 20:45 of the evening before", () => {
    const start = at("2027-06-10T09:00", "America/New_York");
    expect(local(reminderDueAt(start, 2, "America/New_York"), "America/New_York")).toBe("2027-06-09 20:45 EDT");
  });

  it("moves a due time between 21:00 and midnight to 20:45 the same evening", () => {
    const start = at("2027-06-10T22:30", "America/New_York");
    expect(local(reminderDueAt(start, 24, "America/New_York"), "America/New_York")).toBe("2027-06-09 20:45 EDT");
  });

  it("counts 21:00 up to 07:59 as quiet hours, 08:00 and 20:59 not", () => {
    expect(inQuietHours(at("2027-06-10T08:00", "America/Denver"), "America/Denver")).toBe(false);
    expect(inQuietHours(at("2027-06-10T20:59", "America/Denver"), "America/Denver")).toBe(false);
    expect(inQuietHours(at("2027-06-10T21:00", "America/Denver"), "America/Denver")).toBe(true);
    expect(inQuietHours(at("2027-06-10T07:59", "America/Denver"), "America/Denver")).toBe(true);
  });

  it("counts real hours across the spring change to daylight saving time, and keeps the evening's local 20:45", () => {
    // Clocks in Denver jump from 02:00 MST to 03:00 MDT on Sunday 14 March 2027.
    const zone = "America/Denver";
    const start = at("2027-03-14T08:30", zone);
    // 24 real hours before 08:30 MDT is 07:30 MST on Saturday: quiet, so Friday 20:45.
    expect(local(reminderDueAt(start, 24, zone), zone)).toBe("2027-03-12 20:45 MST");
    // 2 real hours before 08:30 MDT is 06:30 MDT (not 06:30 minus one): quiet, so Saturday 20:45 MST.
    expect(local(reminderDueAt(start, 2, zone), zone)).toBe("2027-03-13 20:45 MST");
    // 11:00 MDT Sunday: 24 real hours before is 10:00 MST Saturday, not 11:00.
    expect(local(reminderDueAt(at("2027-03-14T11:00", zone), 24, zone), zone)).toBe("2027-03-13 10:00 MST");
  });

  it("counts real hours across the autumn change back to standard time", () => {
    // New York falls back from 02:00 EDT to 01:00 EST on Sunday 7 November 2027.
    const zone = "America/New_York";
    expect(local(reminderDueAt(at("2027-11-07T10:00", zone), 24, zone), zone)).toBe("2027-11-06 11:00 EDT");
  });
});

describe("tooLateTonight", () => {
  const zone = "America/St_Johns";
  it("allows a quarter of an hour after 21:00, then refuses until 08:00", () => {
    expect(tooLateTonight(at("2027-06-10T20:50", zone), zone)).toBe(false);
    expect(tooLateTonight(at("2027-06-10T21:10", zone), zone)).toBe(false);
    expect(tooLateTonight(at("2027-06-10T21:20", zone), zone)).toBe(true);
    expect(tooLateTonight(at("2027-06-11T03:00", zone), zone)).toBe(true);
    expect(tooLateTonight(at("2027-06-11T08:00", zone), zone)).toBe(false);
  });
});

describe("decideReminder", () => {
  const zone = "America/Denver";
  const start = at("2027-06-10T14:00", zone);
  it("sends at the due time a visit booked long before", () => {
    expect(decideReminder({ start, leadHours: 24, zone, startSetAt: start - 72 * H }, start - 30 * H)).toEqual({ send: true, dueAt: start - 24 * H });
  });
  it("sends nothing when the practice set the lead time to 0", () => {
    expect(decideReminder({ start, leadHours: 0, zone, startSetAt: null }, start - 30 * H)).toMatchObject({ send: false });
  });
  it("sends nothing for a visit booked inside the lead time", () => {
    expect(decideReminder({ start, leadHours: 24, zone, startSetAt: start - 20 * H }, start - 19 * H)).toMatchObject({ send: false });
    expect(decideReminder({ start, leadHours: 2, zone, startSetAt: start - 20 * H }, start - 3 * H)).toMatchObject({ send: true });
  });
  it("counts an imported visit (start set elsewhere) as booked long before", () => {
    expect(decideReminder({ start, leadHours: 2, zone, startSetAt: null }, start - 3 * H)).toMatchObject({ send: true });
  });
  it("sends nothing once less than half the lead time is left", () => {
    expect(decideReminder({ start, leadHours: 2, zone, startSetAt: null }, start - 50 * 60 * 1000)).toMatchObject({ send: false });
    expect(decideReminder({ start, leadHours: 2, zone, startSetAt: null }, start - 70 * 60 * 1000)).toMatchObject({ send: true });
  });
});
