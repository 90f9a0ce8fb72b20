import { describe, expect, it } from "vitest";
import { findStrandedVisits, fitReason, sameVisits, type BookedVisit, type LocatedBlock, type WorkingTime } from "./find-stranded";
import { timeOffInterval } from "./time-off-range";

const CHICAGO = "America/Chicago";
const at = (iso: string) => Date.parse(iso);
const NOW = at("2026-10-26T12:00:00Z");
const MINUTE = 60_000;

function block(overrides: Partial<LocatedBlock> = {}): LocatedBlock {
  return { locationId: "loc-a", weekday: 7, startMinute: 8 * 60, endMinute: 12 * 60, visitModes: ["CLINIC"], ...overrides };
}

function visit(id: string, startIso: string, overrides: Partial<BookedVisit> = {}): BookedVisit {
  const start = at(startIso);
  return { id, locationId: "loc-a", timeZone: CHICAGO, mode: "CLINIC", status: "BOOKED", start, end: start + 45 * MINUTE, ...overrides };
}

const hours = (...blocks: LocatedBlock[]): WorkingTime => ({ blocks, timeOff: [] });

describe("fitReason on the day Chicago falls back (2026-11-01, CDT −5 → CST −6)", () => {
  it("reads a 08:00 block at the real 08:00 CST, not at the previous day's offset", () => {
    const sunday = hours(block());
    // 08:00 CST is 14:00Z; a reading at CDT would put 08:00 at 13:00Z.
    expect(fitReason(visit("on-time", "2026-11-01T14:00:00Z"), sunday)).toBeNull();
    expect(fitReason(visit("too-early", "2026-11-01T13:30:00Z"), sunday)).toBe("outside-hours");
    // 11:15–12:00 CST ends exactly at the block's end.
    expect(fitReason(visit("last", "2026-11-01T17:15:00Z"), sunday)).toBeNull();
    expect(fitReason(visit("runs-over", "2026-11-01T17:30:00Z"), sunday)).toBe("outside-hours");
  });

  it("holds both 01:30s in a 01:00–03:00 block, which lasts three real hours", () => {
    const night = hours(block({ startMinute: 60, endMinute: 180 }));
    expect(fitReason(visit("first-0130", "2026-11-01T06:30:00Z"), night)).toBeNull(); // 01:30 CDT
    expect(fitReason(visit("second-0130", "2026-11-01T07:30:00Z"), night)).toBeNull(); // 01:30 CST
    expect(fitReason(visit("0215", "2026-11-01T08:15:00Z"), night)).toBeNull(); // 02:15 CST, ends 03:00
    expect(fitReason(visit("0230", "2026-11-01T08:30:00Z"), night)).toBe("outside-hours");
  });

  it("finds the local weekday in the location's zone, not in UTC", () => {
    // 23:30 CST on Sunday is already Monday in UTC.
    const lateSunday = hours(block({ startMinute: 23 * 60, endMinute: 24 * 60 }));
    expect(fitReason(visit("late", "2026-11-02T05:30:00Z", { end: at("2026-11-02T06:00:00Z") }), lateSunday)).toBeNull();
    expect(fitReason(visit("late", "2026-11-02T05:30:00Z", { end: at("2026-11-02T06:00:00Z") }), hours(block({ weekday: 1, startMinute: 23 * 60, endMinute: 24 * 60 })))).toBe("outside-hours");
  });
});

describe("findStrandedVisits", () => {
  it("lists visits a deleted block leaves outside working hours", () => {
    const before = hours(block(), block({ weekday: 1 }));
    const after = hours(block({ weekday: 1 }));
    const visits = [visit("sunday", "2026-11-01T15:00:00Z"), visit("monday", "2026-11-02T15:00:00Z")];
    expect(findStrandedVisits(visits, before, after, NOW)).toEqual([{ visit: visits[0], reason: "outside-hours" }]);
  });

  it("lists visits inside new whole-day time off, using the 25-hour local day", () => {
    const late = hours(block({ startMinute: 22 * 60, endMinute: 24 * 60 }));
    const dayOff = timeOffInterval({ span: "days", firstDay: "2026-11-01", lastDay: "2026-11-01" }, CHICAGO);
    const after: WorkingTime = { ...late, timeOff: [dayOff] };
    // 23:15 CST on Nov 1 is 05:15Z on Nov 2: past a naive 24-hour day that ends at 05:00Z.
    const lateVisit = visit("late", "2026-11-02T05:15:00Z");
    expect(findStrandedVisits([lateVisit], late, after, NOW)).toEqual([{ visit: lateVisit, reason: "time-off" }]);
  });

  it("respects the 23-hour spring-forward day (Chicago 2026-03-08)", () => {
    const sunday = hours(block({ startMinute: 0, endMinute: 24 * 60 }), block({ weekday: 1, startMinute: 0, endMinute: 24 * 60 }));
    const dayOff = timeOffInterval({ span: "days", firstDay: "2026-03-08", lastDay: "2026-03-08" }, CHICAGO);
    const now = at("2026-03-01T00:00:00Z");
    const inside = visit("23:00-CDT", "2026-03-09T04:00:00Z", { end: at("2026-03-09T04:45:00Z") });
    // Monday 00:00 CDT is 05:00Z: inside a naive 24-hour Sunday, outside the real one.
    const nextDay = visit("00:00-monday", "2026-03-09T05:00:00Z");
    const result = findStrandedVisits([inside, nextDay], sunday, { ...sunday, timeOff: [dayOff] }, now);
    expect(result.map((s) => s.visit.id)).toEqual(["23:00-CDT"]);
  });

  it("needs a block for the visit's mode and location", () => {
    const clinicOnly = hours(block());
    const homeVisit = visit("home", "2026-11-01T15:00:00Z", { mode: "HOME" });
    expect(fitReason(homeVisit, clinicOnly)).toBe("outside-hours");
    expect(fitReason(homeVisit, hours(block({ visitModes: ["CLINIC", "HOME"] })))).toBeNull();
    expect(fitReason(visit("elsewhere", "2026-11-01T15:00:00Z", { locationId: "loc-b" }), clinicOnly)).toBe("outside-hours");
  });

  it("reads validFrom and validUntil as local dates", () => {
    const untilOctober = hours(block({ validUntil: "2026-10-31" }));
    const fromNovember = hours(block({ validFrom: "2026-11-01" }));
    const sunday = visit("sunday", "2026-11-01T15:00:00Z");
    expect(fitReason(sunday, untilOctober)).toBe("outside-hours");
    expect(fitReason(sunday, fromNovember)).toBeNull();
  });

  it("does not blame a change for visits that did not fit before it", () => {
    const before = hours(block({ weekday: 1 }));
    const after = hours();
    const alreadyOutside = visit("sunday", "2026-11-01T15:00:00Z");
    expect(findStrandedVisits([alreadyOutside], before, after, NOW)).toEqual([]);
  });

  it("ignores past, cancelled, completed and no-show visits but keeps checked-in ones", () => {
    const allSunday = hours(block({ startMinute: 0, endMinute: 1440 }));
    const visits = [
      visit("past", "2026-10-25T14:00:00Z"),
      visit("cancelled", "2026-11-01T14:00:00Z", { status: "CANCELLED" }),
      visit("completed", "2026-11-01T15:00:00Z", { status: "COMPLETED" }),
      visit("no-show", "2026-11-01T16:00:00Z", { status: "NO_SHOW" }),
      visit("checked-in", "2026-11-01T17:00:00Z", { status: "CHECKED_IN" }),
      visit("booked", "2026-11-01T18:00:00Z"),
    ];
    expect(findStrandedVisits(visits, allSunday, hours(), NOW).map((s) => s.visit.id)).toEqual(["checked-in", "booked"]);
  });

  it("sorts the list by start", () => {
    const before = hours(block({ startMinute: 0, endMinute: 1440 }));
    const visits = [visit("later", "2026-11-01T18:00:00Z"), visit("sooner", "2026-11-01T15:00:00Z")];
    expect(findStrandedVisits(visits, before, hours(), NOW).map((s) => s.visit.id)).toEqual(["sooner", "later"]);
  });
});

describe("sameVisits", () => {
  it("holds only for exactly the confirmed set", () => {
    const stranded = [{ id: "a" }, { id: "b" }];
    expect(sameVisits(["b", "a"], stranded)).toBe(true);
    expect(sameVisits(["a"], stranded)).toBe(false);
    expect(sameVisits(["a", "b", "c"], stranded)).toBe(false);
    expect(sameVisits(["a", "c"], stranded)).toBe(false);
    expect(sameVisits(undefined, stranded)).toBe(false);
  });
});
