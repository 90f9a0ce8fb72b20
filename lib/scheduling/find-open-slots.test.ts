import { Settings } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { blockedRangeFor } from "./blocked-range";
import { findOpenSlots } from "./find-open-slots";
import type { Interval, Slot, SlotQuery, TherapistSchedule, WeeklyBlock } from "./types";
import { formatInstantWithOffset } from "./zone-time";

const CHICAGO = "America/Chicago";
const at = (iso: string) => Date.parse(iso);
const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const utcStarts = (slots: Slot[]) => slots.map((s) => new Date(s.start).toISOString());
const localStarts = (slots: Slot[], zone = CHICAGO) => slots.map((s) => formatInstantWithOffset(s.start, zone));

const MONDAY = "2026-11-23"; // CST, UTC-6
const hm = (h: number, m = 0) => h * 60 + m;

function block(weekday: number, start: number, end: number, extra: Partial<WeeklyBlock> = {}): WeeklyBlock {
  return { weekday, startMinute: start, endMinute: end, visitModes: ["CLINIC", "HOME", "VIDEO"], ...extra };
}

function schedule(overrides: Partial<TherapistSchedule> = {}): TherapistSchedule {
  return {
    therapistId: "t-1",
    locationId: "loc-1",
    timeZone: CHICAGO,
    weeklyHours: [block(1, hm(9), hm(12))],
    timeOff: [],
    busy: [],
    ...overrides,
  };
}

function query(overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    mode: "CLINIC",
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    travelMinutes: 0,
    minNoticeMinutes: 0,
    horizonDays: 400,
    from: MONDAY,
    to: MONDAY,
    now: at("2026-01-01T00:00:00Z"),
    stepMinutes: 60,
    ...overrides,
  };
}

describe("findOpenSlots: working blocks", () => {
  it("offers each hour of a plain morning block with exact instants and ids", () => {
    const slots = findOpenSlots(schedule(), query());
    expect(slots).toEqual([
      { start: at("2026-11-23T15:00:00Z"), end: at("2026-11-23T16:00:00Z"), therapistId: "t-1", locationId: "loc-1" },
      { start: at("2026-11-23T16:00:00Z"), end: at("2026-11-23T17:00:00Z"), therapistId: "t-1", locationId: "loc-1" },
      { start: at("2026-11-23T17:00:00Z"), end: at("2026-11-23T18:00:00Z"), therapistId: "t-1", locationId: "loc-1" },
    ]);
  });

  it("places blocks on their ISO weekday (7 = Sunday) and nowhere else", () => {
    const s = schedule({ weeklyHours: [block(1, hm(9), hm(10)), block(7, hm(13), hm(14)), block(3, hm(8), hm(9))] });
    const slots = findOpenSlots(s, query({ from: "2026-11-22", to: "2026-11-24" }));
    expect(localStarts(slots)).toEqual(["2026-11-22T13:00:00-06:00", "2026-11-23T09:00:00-06:00"]);
  });

  it("applies a block only between validFrom and validUntil, inclusive", () => {
    const s = schedule({
      weeklyHours: [block(1, hm(9), hm(10), { validFrom: "2026-11-16", validUntil: "2026-11-23" })],
    });
    const slots = findOpenSlots(s, query({ from: "2026-11-02", to: "2026-11-30" }));
    expect(utcStarts(slots)).toEqual(["2026-11-16T15:00:00.000Z", "2026-11-23T15:00:00.000Z"]);
  });

  it("treats null validity bounds as open", () => {
    const s = schedule({ weeklyHours: [block(1, hm(9), hm(10), { validFrom: null, validUntil: "2026-11-09" })] });
    const slots = findOpenSlots(s, query({ from: "2026-11-02", to: "2026-11-30" }));
    expect(utcStarts(slots)).toEqual(["2026-11-02T15:00:00.000Z", "2026-11-09T15:00:00.000Z"]);
  });

  it("offers a block only for the visit modes it allows", () => {
    const s = schedule({
      weeklyHours: [block(1, hm(9), hm(10), { visitModes: ["HOME"] }), block(1, hm(14), hm(15), { visitModes: ["VIDEO", "CLINIC"] })],
    });
    expect(localStarts(findOpenSlots(s, query({ mode: "CLINIC" })))).toEqual(["2026-11-23T14:00:00-06:00"]);
    expect(localStarts(findOpenSlots(s, query({ mode: "HOME" })))).toEqual(["2026-11-23T09:00:00-06:00"]);
    expect(localStarts(findOpenSlots(s, query({ mode: "VIDEO" })))).toEqual(["2026-11-23T14:00:00-06:00"]);
    const homeOnly = schedule({ weeklyHours: [block(1, hm(9), hm(12), { visitModes: ["HOME"] })] });
    expect(findOpenSlots(homeOnly, query({ mode: "CLINIC" }))).toEqual([]);
  });

  it("keeps the whole visit inside one block", () => {
    // Two adjacent blocks do not join: a 60-minute visit cannot straddle 10:00.
    const s = schedule({ weeklyHours: [block(1, hm(9), hm(10, 30)), block(1, hm(10, 30), hm(11))] });
    const slots = findOpenSlots(s, query({ stepMinutes: 30 }));
    expect(localStarts(slots)).toEqual(["2026-11-23T09:00:00-06:00", "2026-11-23T09:30:00-06:00"]);
  });

  it("lists a start once when overlapping blocks both offer it", () => {
    const s = schedule({ weeklyHours: [block(1, hm(9), hm(11)), block(1, hm(10), hm(12))] });
    expect(localStarts(findOpenSlots(s, query()))).toEqual([
      "2026-11-23T09:00:00-06:00",
      "2026-11-23T10:00:00-06:00",
      "2026-11-23T11:00:00-06:00",
    ]);
  });
});

describe("findOpenSlots: step grid", () => {
  it("steps from the block's start, not from the hour", () => {
    const s = schedule({ weeklyHours: [block(1, hm(9, 10), hm(10, 30))] });
    const slots = findOpenSlots(s, query({ durationMinutes: 30, stepMinutes: 20 }));
    expect(localStarts(slots)).toEqual(["2026-11-23T09:10:00-06:00", "2026-11-23T09:30:00-06:00", "2026-11-23T09:50:00-06:00"]);
  });

  it("defaults to a 15-minute step", () => {
    const s = schedule({ weeklyHours: [block(1, hm(9), hm(10))] });
    const slots = findOpenSlots(s, query({ durationMinutes: 30, stepMinutes: undefined }));
    expect(localStarts(slots)).toEqual(["2026-11-23T09:00:00-06:00", "2026-11-23T09:15:00-06:00", "2026-11-23T09:30:00-06:00"]);
  });

  it("stays on the grid after skipping a busy interval that ends off-grid", () => {
    const s = schedule({ busy: [span("2026-11-23T15:00:00Z", "2026-11-23T15:20:00Z")] });
    const slots = findOpenSlots(s, query({ durationMinutes: 30, stepMinutes: 15 }));
    expect(localStarts(slots).slice(0, 2)).toEqual(["2026-11-23T09:30:00-06:00", "2026-11-23T09:45:00-06:00"]);
    expect(slots).toHaveLength(9);
  });
});

describe("findOpenSlots: busy time, buffers, travel and time off", () => {
  it("keeps the buffers clear of busy time on both sides", () => {
    // Block 08:00–13:00; busy 09:00–10:00 and 12:00–12:30 (local). With 15-minute
    // buffers a 10:00 start would block from 09:45, so the first start is 10:15;
    // an 11:00 start would block until 12:15, so the last is 10:45.
    const s = schedule({
      weeklyHours: [block(1, hm(8), hm(13))],
      busy: [span("2026-11-23T15:00:00Z", "2026-11-23T16:00:00Z"), span("2026-11-23T18:00:00Z", "2026-11-23T18:30:00Z")],
    });
    const slots = findOpenSlots(s, query({ bufferBeforeMinutes: 15, bufferAfterMinutes: 15, stepMinutes: 15 }));
    expect(utcStarts(slots)).toEqual(["2026-11-23T16:15:00.000Z", "2026-11-23T16:30:00.000Z", "2026-11-23T16:45:00.000Z"]);
  });

  it("allows a visit back-to-back with busy time when there are no buffers", () => {
    const s = schedule({ busy: [span("2026-11-23T16:00:00Z", "2026-11-23T17:00:00Z")] });
    expect(localStarts(findOpenSlots(s, query()))).toEqual(["2026-11-23T09:00:00-06:00", "2026-11-23T11:00:00-06:00"]);
  });

  it("keeps travel time free around HOME visits only", () => {
    // Busy until 10:00 local; 30 minutes of travel push the first HOME start to 10:30.
    const s = schedule({
      weeklyHours: [block(1, hm(8), hm(12))],
      busy: [span("2026-11-23T15:00:00Z", "2026-11-23T16:00:00Z")],
    });
    const home = findOpenSlots(s, query({ mode: "HOME", travelMinutes: 30, stepMinutes: 15 }));
    expect(utcStarts(home)).toEqual(["2026-11-23T16:30:00.000Z", "2026-11-23T16:45:00.000Z", "2026-11-23T17:00:00.000Z"]);
    const clinic = findOpenSlots(s, query({ mode: "CLINIC", travelMinutes: 30, stepMinutes: 15 }));
    expect(utcStarts(clinic)).toEqual([
      "2026-11-23T14:00:00.000Z",
      "2026-11-23T16:00:00.000Z",
      "2026-11-23T16:15:00.000Z",
      "2026-11-23T16:30:00.000Z",
      "2026-11-23T16:45:00.000Z",
      "2026-11-23T17:00:00.000Z",
    ]);
  });

  it("adds travel on top of the buffers for HOME visits", () => {
    // Busy 11:00–12:00 local; buffer after 10 + travel 20 means a visit must end by 10:30.
    const s = schedule({ weeklyHours: [block(1, hm(8), hm(12))], busy: [span("2026-11-23T17:00:00Z", "2026-11-23T18:00:00Z")] });
    const slots = findOpenSlots(s, query({ mode: "HOME", bufferAfterMinutes: 10, travelMinutes: 20, stepMinutes: 30 }));
    expect(localStarts(slots)).toEqual(["2026-11-23T08:00:00-06:00", "2026-11-23T08:30:00-06:00", "2026-11-23T09:00:00-06:00", "2026-11-23T09:30:00-06:00"]);
  });

  it("skips time off", () => {
    const s = schedule({ timeOff: [span("2026-11-23T16:00:00Z", "2026-11-23T17:00:00Z")] });
    expect(utcStarts(findOpenSlots(s, query()))).toEqual(["2026-11-23T15:00:00.000Z", "2026-11-23T17:00:00.000Z"]);
  });

  it("offers nothing during multi-day time off and resumes after it", () => {
    const s = schedule({ timeOff: [span("2026-11-16T00:00:00Z", "2026-11-24T06:00:00Z")] });
    const slots = findOpenSlots(s, query({ from: "2026-11-16", to: "2026-11-30" }));
    expect(utcStarts(slots)).toEqual(["2026-11-30T15:00:00.000Z", "2026-11-30T16:00:00.000Z", "2026-11-30T17:00:00.000Z"]);
  });

  it("handles unsorted, overlapping busy and time-off lists", () => {
    const s = schedule({
      weeklyHours: [block(1, hm(8), hm(14))],
      busy: [span("2026-11-23T18:00:00Z", "2026-11-23T19:00:00Z"), span("2026-11-23T14:30:00Z", "2026-11-23T15:30:00Z")],
      timeOff: [span("2026-11-23T15:00:00Z", "2026-11-23T16:10:00Z")],
    });
    // Blocked 08:30–10:10 (busy joined with time off) and 12:00–13:00 local.
    expect(localStarts(findOpenSlots(s, query({ stepMinutes: 30 })))).toEqual([
      "2026-11-23T10:30:00-06:00",
      "2026-11-23T11:00:00-06:00",
      "2026-11-23T13:00:00-06:00",
    ]);
  });

  it("excludes exactly the time a booked slot's blocked range covers", () => {
    const q = query({ bufferBeforeMinutes: 10, bufferAfterMinutes: 10, stepMinutes: 30, durationMinutes: 30 });
    const s = schedule({ weeklyHours: [block(1, hm(9), hm(11))] });
    const before = findOpenSlots(s, q);
    expect(before).toHaveLength(4);
    const booked = blockedRangeFor(before[1]!.start, q);
    const after = findOpenSlots({ ...s, busy: [{ start: booked.blockedFrom, end: booked.blockedUntil }] }, q);
    // 09:30 is booked; 09:00 and 10:00 would put their buffers inside its buffers.
    expect(localStarts(after)).toEqual(["2026-11-23T10:30:00-06:00"]);
  });
});

describe("findOpenSlots: notice and horizon", () => {
  it("starts no earlier than now plus the minimum notice", () => {
    const s = schedule({ weeklyHours: [block(1, hm(9), hm(13))] });
    const slots = findOpenSlots(s, query({ now: at("2026-11-23T15:10:00Z"), minNoticeMinutes: 60, durationMinutes: 30, stepMinutes: 15 }));
    // Earliest 10:10 local; the grid gives 10:15, …, 12:30.
    expect(utcStarts(slots)[0]).toBe("2026-11-23T16:15:00.000Z");
    expect(slots).toHaveLength(10);
  });

  it("allows a start exactly at the notice boundary", () => {
    const slots = findOpenSlots(schedule(), query({ now: at("2026-11-23T15:00:00Z"), minNoticeMinutes: 60 }));
    expect(utcStarts(slots)).toEqual(["2026-11-23T16:00:00.000Z", "2026-11-23T17:00:00.000Z"]);
  });

  it("starts strictly before now plus the horizon in whole 24-hour days", () => {
    const s = schedule({ weeklyHours: [block(1, hm(9), hm(12)), block(2, hm(8), hm(12))] });
    const q = query({ now: at("2026-11-23T15:00:00Z"), from: "2026-11-23", to: "2026-11-30" });
    // Horizon ends 2026-11-24T15:00Z = Tuesday 09:00 local, which is excluded.
    expect(localStarts(findOpenSlots(s, { ...q, horizonDays: 1 }))).toEqual([
      "2026-11-23T09:00:00-06:00",
      "2026-11-23T10:00:00-06:00",
      "2026-11-23T11:00:00-06:00",
      "2026-11-24T08:00:00-06:00",
    ]);
    expect(findOpenSlots(s, { ...q, horizonDays: 2 })).toHaveLength(7);
    expect(findOpenSlots(s, { ...q, horizonDays: 0 })).toEqual([]);
  });

  it("offers nothing for dates already in the past", () => {
    expect(findOpenSlots(schedule(), query({ now: at("2026-11-24T00:00:00Z") }))).toEqual([]);
  });
});

describe("findOpenSlots: rooms", () => {
  const tenToEleven = span("2026-11-23T16:00:00Z", "2026-11-23T17:00:00Z");

  it("skips times when the only room of capacity 1 is taken", () => {
    const rooms = [{ roomId: "r-a", capacity: 1, busy: [tenToEleven] }];
    expect(localStarts(findOpenSlots(schedule(), query({ rooms })))).toEqual(["2026-11-23T09:00:00-06:00", "2026-11-23T11:00:00-06:00"]);
  });

  it("uses a second room when the first is full", () => {
    const rooms = [
      { roomId: "r-a", capacity: 1, busy: [tenToEleven] },
      { roomId: "r-b", capacity: 1, busy: [] },
    ];
    expect(findOpenSlots(schedule(), query({ rooms }))).toHaveLength(3);
  });

  it("lets a room of capacity 2 hold one more overlapping visit, not two", () => {
    const one = [{ roomId: "gym", capacity: 2, busy: [tenToEleven] }];
    expect(findOpenSlots(schedule(), query({ rooms: one }))).toHaveLength(3);
    const two = [{ roomId: "gym", capacity: 2, busy: [tenToEleven, span("2026-11-23T16:30:00Z", "2026-11-23T17:30:00Z")] }];
    // 10:00 overlaps both; 11:00 overlaps only the second.
    expect(localStarts(findOpenSlots(schedule(), query({ rooms: two })))).toEqual(["2026-11-23T09:00:00-06:00", "2026-11-23T11:00:00-06:00"]);
  });

  it("checks the visit only, not its buffers", () => {
    const rooms = [{ roomId: "r-a", capacity: 1, busy: [span("2026-11-23T15:50:00Z", "2026-11-23T16:00:00Z")] }];
    const slots = findOpenSlots(schedule(), query({ rooms, bufferBeforeMinutes: 15 }));
    expect(localStarts(slots)).toEqual(["2026-11-23T10:00:00-06:00", "2026-11-23T11:00:00-06:00"]);
  });

  it("offers no CLINIC slot when the location has no rooms", () => {
    expect(findOpenSlots(schedule(), query({ rooms: [] }))).toEqual([]);
  });

  it("ignores rooms for HOME and VIDEO visits, and when rooms are omitted", () => {
    const full = [{ roomId: "r-a", capacity: 1, busy: [span("2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z")] }];
    expect(findOpenSlots(schedule(), query({ mode: "HOME", rooms: [] }))).toHaveLength(3);
    expect(findOpenSlots(schedule(), query({ mode: "VIDEO", rooms: full }))).toHaveLength(3);
    expect(findOpenSlots(schedule(), query({ mode: "CLINIC", rooms: full }))).toEqual([]);
    expect(findOpenSlots(schedule(), query({ mode: "CLINIC" }))).toHaveLength(3);
  });
});

describe("findOpenSlots: daylight saving time", () => {
  const sunday = (start: number, end: number) => schedule({ weeklyHours: [block(7, start, end)] });

  it("spring-forward (Chicago 2026-03-08): 00:00–06:00 is 5 real hours with no invented 02:00", () => {
    const q = query({ from: "2026-03-08", to: "2026-03-08" });
    const hourly = findOpenSlots(sunday(hm(0), hm(6)), q);
    expect(utcStarts(hourly)).toEqual([
      "2026-03-08T06:00:00.000Z",
      "2026-03-08T07:00:00.000Z",
      "2026-03-08T08:00:00.000Z",
      "2026-03-08T09:00:00.000Z",
      "2026-03-08T10:00:00.000Z",
    ]);
    expect(localStarts(hourly)).toEqual([
      "2026-03-08T00:00:00-06:00",
      "2026-03-08T01:00:00-06:00",
      "2026-03-08T03:00:00-05:00",
      "2026-03-08T04:00:00-05:00",
      "2026-03-08T05:00:00-05:00",
    ]);
    expect(hourly.every((s) => s.end - s.start === 3_600_000)).toBe(true);
    // 300 real minutes, 60-minute visits, 15-minute grid: (300 − 60) / 15 + 1.
    expect(findOpenSlots(sunday(hm(0), hm(6)), { ...q, stepMinutes: 15 })).toHaveLength(17);
  });

  it("spring-forward: a block starting inside the gap starts at 03:00 CDT", () => {
    const q = query({ from: "2026-03-08", to: "2026-03-08", stepMinutes: 30 });
    const slots = findOpenSlots(sunday(hm(2, 30), hm(5)), q);
    expect(utcStarts(slots)).toEqual(["2026-03-08T08:00:00.000Z", "2026-03-08T08:30:00.000Z", "2026-03-08T09:00:00.000Z"]);
    expect(findOpenSlots(sunday(hm(2), hm(2, 45)), { ...q, durationMinutes: 15, stepMinutes: 15 })).toEqual([]);
  });

  it("spring-forward: the grid keeps real 45-minute spacing across the jump", () => {
    // 01:00–04:00 local is only 2 real hours; 01:45 CST + 45 min is 03:30 CDT.
    const q = query({ from: "2026-03-08", to: "2026-03-08", durationMinutes: 30, stepMinutes: 45 });
    const slots = findOpenSlots(sunday(hm(1), hm(4)), q);
    expect(localStarts(slots)).toEqual(["2026-03-08T01:00:00-06:00", "2026-03-08T01:45:00-06:00", "2026-03-08T03:30:00-05:00"]);
    expect(utcStarts(slots)).toEqual(["2026-03-08T07:00:00.000Z", "2026-03-08T07:45:00.000Z", "2026-03-08T08:30:00.000Z"]);
  });

  it("fall-back (Chicago 2026-11-01): 00:00–06:00 is 7 real hours and 01:00 happens twice", () => {
    const q = query({ from: "2026-11-01", to: "2026-11-01" });
    const hourly = findOpenSlots(sunday(hm(0), hm(6)), q);
    expect(utcStarts(hourly)).toEqual([
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T08:00:00.000Z",
      "2026-11-01T09:00:00.000Z",
      "2026-11-01T10:00:00.000Z",
      "2026-11-01T11:00:00.000Z",
    ]);
    expect(localStarts(hourly)).toEqual([
      "2026-11-01T00:00:00-05:00",
      "2026-11-01T01:00:00-05:00",
      "2026-11-01T01:00:00-06:00",
      "2026-11-01T02:00:00-06:00",
      "2026-11-01T03:00:00-06:00",
      "2026-11-01T04:00:00-06:00",
      "2026-11-01T05:00:00-06:00",
    ]);
    // 420 real minutes: (420 − 60) / 15 + 1.
    expect(findOpenSlots(sunday(hm(0), hm(6)), { ...q, stepMinutes: 15 })).toHaveLength(25);
  });

  it("fall-back: a block starting in the repeated hour starts at its first occurrence", () => {
    const q = query({ from: "2026-11-01", to: "2026-11-01", durationMinutes: 30, stepMinutes: 30 });
    const slots = findOpenSlots(sunday(hm(1, 30), hm(3)), q);
    expect(utcStarts(slots)).toEqual([
      "2026-11-01T06:30:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T07:30:00.000Z",
      "2026-11-01T08:00:00.000Z",
      "2026-11-01T08:30:00.000Z",
    ]);
  });

  it("ordinary days either side of a transition keep their own offsets", () => {
    const s = schedule({ weeklyHours: [block(6, hm(9), hm(10)), block(1, hm(9), hm(10))] });
    const slots = findOpenSlots(s, query({ from: "2026-03-07", to: "2026-03-09" }));
    expect(utcStarts(slots)).toEqual(["2026-03-07T15:00:00.000Z", "2026-03-09T14:00:00.000Z"]);
  });

  it("Auckland spring-forward (2026-09-27, 02:00 → 03:00 NZDT) is 5 real hours", () => {
    const s = schedule({ timeZone: "Pacific/Auckland", weeklyHours: [block(7, hm(0), hm(6))] });
    const slots = findOpenSlots(s, query({ from: "2026-09-27", to: "2026-09-27" }));
    expect(utcStarts(slots)).toEqual([
      "2026-09-26T12:00:00.000Z",
      "2026-09-26T13:00:00.000Z",
      "2026-09-26T14:00:00.000Z",
      "2026-09-26T15:00:00.000Z",
      "2026-09-26T16:00:00.000Z",
    ]);
    expect(localStarts(slots, "Pacific/Auckland")[2]).toBe("2026-09-27T03:00:00+13:00");
  });
});

describe("findOpenSlots: zones far from UTC", () => {
  it("reads blocks in Asia/Kathmandu (+05:45)", () => {
    const s = schedule({ timeZone: "Asia/Kathmandu", weeklyHours: [block(1, hm(9), hm(11))] });
    const slots = findOpenSlots(s, query());
    expect(utcStarts(slots)).toEqual(["2026-11-23T03:15:00.000Z", "2026-11-23T04:15:00.000Z"]);
  });

  it("reads blocks in Pacific/Auckland (+13:00), whose local Monday starts on UTC Sunday", () => {
    const s = schedule({ timeZone: "Pacific/Auckland", weeklyHours: [block(1, hm(9), hm(11))] });
    const slots = findOpenSlots(s, query());
    expect(utcStarts(slots)).toEqual(["2026-11-22T20:00:00.000Z", "2026-11-22T21:00:00.000Z"]);
  });

  it("applies notice in absolute time across the date line", () => {
    const s = schedule({ timeZone: "Pacific/Auckland", weeklyHours: [block(1, hm(9), hm(11))] });
    const slots = findOpenSlots(s, query({ now: at("2026-11-22T20:30:00Z") }));
    expect(utcStarts(slots)).toEqual(["2026-11-22T21:00:00.000Z"]);
  });
});

describe("findOpenSlots: independence from the process time zone", () => {
  const originalTz = process.env.TZ;
  const originalDefaultZone = Settings.defaultZone;
  afterEach(() => {
    process.env.TZ = originalTz;
    Settings.defaultZone = originalDefaultZone;
  });

  it("returns the same instants whatever TZ and luxon's default zone are", () => {
    const s = schedule({ weeklyHours: [block(7, hm(0), hm(6)), block(1, hm(9), hm(10))] });
    const q = query({ now: at("2027-01-01T00:00:00Z"), stepMinutes: 90 });
    const run = (zone: string, from: string, to: string) => {
      process.env.TZ = zone;
      Settings.defaultZone = zone;
      return { slots: findOpenSlots(s, { ...q, from, to }), processOffset: new Date(Date.UTC(2027, 0, 1)).getTimezoneOffset() };
    };
    // Dates no other test touches, so each run computes its zone offsets afresh.
    const east = run("Pacific/Kiritimati", "2027-03-14", "2027-03-15");
    const west = run("America/Los_Angeles", "2027-11-07", "2027-11-08");
    // The process really did change zone between the runs…
    expect(east.processOffset).toBe(-840);
    expect(west.processOffset).toBe(480);
    // …and the engine did not notice: Chicago's spring-forward and fall-back
    // Sundays of 2027 come out in exact UTC either way.
    expect(utcStarts(east.slots)).toEqual([
      "2027-03-14T06:00:00.000Z",
      "2027-03-14T07:30:00.000Z",
      "2027-03-14T09:00:00.000Z",
      "2027-03-15T14:00:00.000Z",
    ]);
    expect(utcStarts(west.slots)).toEqual([
      "2027-11-07T05:00:00.000Z",
      "2027-11-07T06:30:00.000Z",
      "2027-11-07T08:00:00.000Z",
      "2027-11-07T09:30:00.000Z",
      "2027-11-07T11:00:00.000Z",
      "2027-11-08T15:00:00.000Z",
    ]);
    expect(run("Asia/Tokyo", "2027-03-14", "2027-03-15").slots).toEqual(east.slots);
  });
});

describe("findOpenSlots: input checks", () => {
  it("rejects impossible queries instead of guessing", () => {
    expect(() => findOpenSlots(schedule(), query({ durationMinutes: 0 }))).toThrow(RangeError);
    expect(() => findOpenSlots(schedule(), query({ stepMinutes: -15 }))).toThrow(RangeError);
    expect(() => findOpenSlots(schedule(), query({ bufferAfterMinutes: -5 }))).toThrow(RangeError);
    expect(() => findOpenSlots(schedule(), query({ from: "2026-11-31" }))).toThrow(RangeError);
    expect(() => findOpenSlots(schedule({ timeZone: "Not/A_Zone" }), query())).toThrow(RangeError);
  });

  it("returns nothing when from is after to", () => {
    expect(findOpenSlots(schedule(), query({ from: "2026-11-24", to: "2026-11-23" }))).toEqual([]);
  });
});
