import { describe, expect, it } from "vitest";
import { findFirstAvailable } from "./first-available";
import type { Interval, Slot, SlotQuery, TherapistSchedule } from "./types";

const at = (iso: string) => Date.parse(iso);
const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const summary = (slots: Slot[]) => slots.map((s) => `${new Date(s.start).toISOString()} ${s.therapistId}@${s.locationId}`);

// Monday 2026-11-23, America/Chicago (UTC-6): the block is 09:00–12:00 local = 15:00Z–18:00Z.
function therapist(therapistId: string, overrides: Partial<TherapistSchedule> = {}): TherapistSchedule {
  return {
    therapistId,
    locationId: "loc-1",
    timeZone: "America/Chicago",
    weeklyHours: [{ weekday: 1, startMinute: 540, endMinute: 720, visitModes: ["CLINIC"] }],
    timeOff: [],
    busy: [],
    ...overrides,
  };
}

const query: SlotQuery = {
  mode: "CLINIC",
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  travelMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 60,
  from: "2026-11-23",
  to: "2026-11-23",
  now: at("2026-11-01T00:00:00Z"),
  stepMinutes: 60,
};

describe("findFirstAvailable", () => {
  const schedules = [
    // Two appointments this afternoon: load 2.
    therapist("t-a", { busy: [span("2026-11-23T19:00:00Z", "2026-11-23T20:00:00Z"), span("2026-11-23T20:00:00Z", "2026-11-23T21:00:00Z")] }),
    // Booked 09:00–10:00: load 1, and not free at 09:00.
    therapist("t-b", { busy: [span("2026-11-23T15:00:00Z", "2026-11-23T16:00:00Z")] }),
    // Only Tuesday's appointment, and time off (which is not load) at 10:00: load 0.
    therapist("t-c", {
      busy: [span("2026-11-24T15:00:00Z", "2026-11-24T16:00:00Z")],
      timeOff: [span("2026-11-23T16:00:00Z", "2026-11-23T17:00:00Z")],
    }),
    therapist("t-d"),
  ];

  it("gives each start to the least-booked free therapist, ties by therapistId", () => {
    expect(summary(findFirstAvailable(schedules, query))).toEqual([
      "2026-11-23T15:00:00.000Z t-c@loc-1",
      "2026-11-23T16:00:00.000Z t-d@loc-1",
      "2026-11-23T17:00:00.000Z t-c@loc-1",
    ]);
  });

  it("does not depend on the order schedules are passed in", () => {
    expect(findFirstAvailable([...schedules].reverse(), query)).toEqual(findFirstAvailable(schedules, query));
  });

  it("falls back to a busier therapist when only they are free", () => {
    const slots = findFirstAvailable([schedules[0]!, schedules[1]!], query);
    expect(summary(slots)).toEqual([
      "2026-11-23T15:00:00.000Z t-a@loc-1",
      "2026-11-23T16:00:00.000Z t-b@loc-1",
      "2026-11-23T17:00:00.000Z t-b@loc-1",
    ]);
  });

  it("counts load on the location's local day, not the UTC day", () => {
    // 20:00 local Monday is 02:00Z Tuesday; it still counts against Monday.
    const lateMonday = therapist("t-a", { busy: [span("2026-11-24T02:00:00Z", "2026-11-24T03:00:00Z")] });
    // 08:00 local Tuesday is the same UTC date but another local day.
    const tuesday = therapist("t-b", { busy: [span("2026-11-24T14:00:00Z", "2026-11-24T15:00:00Z")] });
    expect(findFirstAvailable([lateMonday, tuesday], query).map((s) => s.therapistId)).toEqual(["t-b", "t-b", "t-b"]);
  });

  it("keeps one slot per start for each location", () => {
    const elsewhere = therapist("t-0", { locationId: "loc-2", timeZone: "America/Denver" });
    const slots = findFirstAvailable([therapist("t-b"), therapist("t-a"), elsewhere], query);
    // Denver's 09:00 is 16:00Z, an hour after Chicago's.
    expect(summary(slots)).toEqual([
      "2026-11-23T15:00:00.000Z t-a@loc-1",
      "2026-11-23T16:00:00.000Z t-0@loc-2",
      "2026-11-23T16:00:00.000Z t-a@loc-1",
      "2026-11-23T17:00:00.000Z t-0@loc-2",
      "2026-11-23T17:00:00.000Z t-a@loc-1",
      "2026-11-23T18:00:00.000Z t-0@loc-2",
    ]);
  });

  it("returns nothing when nobody works", () => {
    expect(findFirstAvailable([], query)).toEqual([]);
    expect(findFirstAvailable([therapist("t-a", { weeklyHours: [] })], query)).toEqual([]);
  });

  describe("the patient's language", () => {
    // t-a speaks English only and is the less booked; t-es speaks Spanish and has one visit on Monday afternoon.
    const english = therapist("t-a", { languages: ["en"] });
    const spanish = therapist("t-es", { languages: ["en", "es"], busy: [span("2026-11-23T19:00:00Z", "2026-11-23T20:00:00Z")] });

    it("gives an equally early start to a therapist who speaks it, over a less booked one", () => {
      expect(findFirstAvailable([english, spanish], { ...query, language: "es" }).map((s) => s.therapistId)).toEqual(["t-es", "t-es", "t-es"]);
      expect(findFirstAvailable([english, spanish], { ...query, language: "en" }).map((s) => s.therapistId)).toEqual(["t-a", "t-a", "t-a"]);
      expect(findFirstAvailable([english, spanish], query).map((s) => s.therapistId)).toEqual(["t-a", "t-a", "t-a"]);
    });

    it("never makes the patient wait longer for it: an earlier start stays with whoever is free", () => {
      // The Spanish speaker is busy at 09:00 and 10:00.
      const busySpanish = { ...spanish, busy: [span("2026-11-23T15:00:00Z", "2026-11-23T17:00:00Z")] };
      expect(summary(findFirstAvailable([english, busySpanish], { ...query, language: "es" }))).toEqual([
        "2026-11-23T15:00:00.000Z t-a@loc-1",
        "2026-11-23T16:00:00.000Z t-a@loc-1",
        "2026-11-23T17:00:00.000Z t-es@loc-1",
      ]);
    });

    it("falls back to the day's load when no one free then speaks it", () => {
      const both = [english, therapist("t-b", { languages: ["en"], busy: [span("2026-11-23T19:00:00Z", "2026-11-23T20:00:00Z")] })];
      expect(findFirstAvailable(both, { ...query, language: "es" }).map((s) => s.therapistId)).toEqual(["t-a", "t-a", "t-a"]);
    });
  });
});
