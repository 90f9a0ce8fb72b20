import { describe, expect, it } from "vitest";
import { proposePlanOccurrences, type PlanAvailability, type PlanOccurrence, type PlanPattern } from "./plan-occurrences";
import type { Interval, TherapistSchedule } from "./types";

const at = (iso: string) => Date.parse(iso);
const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const zone = "America/New_York";

// Weekdays 08:00–17:00 in New York. The clocks go back on Sunday 2026-11-01:
// 09:00 is 13:00Z before and 14:00Z after.
function therapist(therapistId: string, languages: string[], overrides: Partial<TherapistSchedule> = {}): TherapistSchedule {
  return {
    therapistId,
    locationId: "loc",
    timeZone: zone,
    weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1020, visitModes: ["CLINIC" as const] })),
    timeOff: [],
    busy: [],
    languages,
    ...overrides,
  };
}

const pattern: PlanPattern = {
  therapistId: "t-own",
  visitsPerWeek: 2,
  weeks: 2,
  preferredWeekdays: [1, 4],
  windowStartMinute: 540,
  windowEndMinute: 660,
  startsOn: "2026-10-26",
};

function availability(own: Partial<TherapistSchedule> = {}, extra: Partial<PlanAvailability> = {}): PlanAvailability {
  return {
    timeZone: zone,
    schedules: [therapist("t-own", ["en", "es"], own), therapist("t-en", ["en"]), therapist("t-es", ["es"])],
    query: { mode: "CLINIC", durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, travelMinutes: 0, minNoticeMinutes: 0, horizonDays: 120, now: at("2026-10-20T00:00:00Z"), stepMinutes: 60 },
    language: "es",
    patientBusy: [],
    ...extra,
  };
}

const iso = (n: number) => new Date(n).toISOString();
const times = (occurrences: PlanOccurrence[]) => occurrences.map((o) => (o.slot ? `${iso(o.slot.start)} ${o.slot.therapistId}` : `${o.date} ${o.conflict}`));
const alternatives = (o: PlanOccurrence) => o.alternatives.map((a) => `${a.kind} ${iso(a.slot.start)} ${a.slot.therapistId}`);

describe("proposePlanOccurrences", () => {
  it("keeps the local time of day across a change of the clocks", () => {
    expect(times(proposePlanOccurrences(pattern, availability()))).toEqual([
      "2026-10-26T13:00:00.000Z t-own",
      "2026-10-29T13:00:00.000Z t-own",
      "2026-11-02T14:00:00.000Z t-own",
      "2026-11-05T14:00:00.000Z t-own",
    ]);
  });

  it("takes the first free time inside the preferred window", () => {
    const busy = [span("2026-10-26T13:00:00Z", "2026-10-26T14:00:00Z")];
    expect(times(proposePlanOccurrences(pattern, availability({ busy })))[0]).toBe("2026-10-26T14:00:00.000Z t-own");
  });

  it("flags a day of time off and offers the same week, then a therapist who speaks the patient's language", () => {
    const timeOff = [span("2026-10-29T04:00:00Z", "2026-10-30T04:00:00Z")];
    const [, thursday] = proposePlanOccurrences(pattern, availability({ timeOff }));
    expect(thursday).toMatchObject({ date: "2026-10-29", slot: null, conflict: "time-off" });
    // Monday is the plan's other visit that week: never offered. t-en does not speak Spanish.
    expect(alternatives(thursday!)).toEqual([
      "same-week 2026-10-27T13:00:00.000Z t-own",
      "same-week 2026-10-28T13:00:00.000Z t-own",
      "same-week 2026-10-30T13:00:00.000Z t-own",
      "other-therapist 2026-10-29T13:00:00.000Z t-es",
    ]);
  });

  it("offers other times that day nearest the window first when the window is full", () => {
    const narrow = { ...pattern, windowStartMinute: 540, windowEndMinute: 600, weeks: 1 };
    const busy = [span("2026-10-26T13:00:00Z", "2026-10-26T14:00:00Z")];
    const [monday] = proposePlanOccurrences(narrow, availability({ busy }, { language: "en" }));
    expect(monday?.conflict).toBe("taken");
    expect(alternatives(monday!)).toEqual([
      "same-day 2026-10-26T12:00:00.000Z t-own",
      "same-day 2026-10-26T14:00:00.000Z t-own",
      "same-day 2026-10-26T15:00:00.000Z t-own",
      "same-week 2026-10-27T13:00:00.000Z t-own",
      "same-week 2026-10-28T13:00:00.000Z t-own",
      "same-week 2026-10-30T13:00:00.000Z t-own",
      "other-therapist 2026-10-26T13:00:00.000Z t-en",
    ]);
  });

  it("says when the therapist does not work that day", () => {
    const weekend = { ...pattern, preferredWeekdays: [6], visitsPerWeek: 1, weeks: 1 };
    expect(proposePlanOccurrences(weekend, availability())[0]).toMatchObject({ date: "2026-10-31", conflict: "outside-hours" });
  });

  it("prefers preferred days that are free when there are more of them than visits", () => {
    const three = { ...pattern, preferredWeekdays: [1, 3, 5], weeks: 1 };
    const timeOff = [span("2026-10-26T04:00:00Z", "2026-10-27T04:00:00Z")];
    expect(times(proposePlanOccurrences(three, availability({ timeOff })))).toEqual(["2026-10-28T13:00:00.000Z t-own", "2026-10-30T13:00:00.000Z t-own"]);
  });

  it("never proposes or offers a time that collides with the patient's own visits or the series' other days", () => {
    const week = { ...pattern, preferredWeekdays: [1, 2], weeks: 1 };
    const timeOff = [span("2026-10-27T04:00:00Z", "2026-10-28T04:00:00Z")];
    // The patient already has a visit on Wednesday at 09:00 (with someone else), and on Monday at 09:00.
    const patientBusy = [span("2026-10-28T13:00:00Z", "2026-10-28T14:00:00Z"), span("2026-10-26T13:00:00Z", "2026-10-26T14:00:00Z")];
    const occurrences = proposePlanOccurrences(week, availability({ timeOff }, { patientBusy, language: "en" }));
    expect(times(occurrences)).toEqual(["2026-10-26T14:00:00.000Z t-own", "2026-10-27 time-off"]);
    const offered = occurrences[1]!.alternatives.map((a) => a.slot);
    expect(offered.length).toBeGreaterThan(0);
    for (const slot of offered) {
      expect(slot.start >= at("2026-10-26T04:00:00Z") && slot.start < at("2026-10-27T04:00:00Z")).toBe(false);
      for (const busy of patientBusy) expect(slot.start < busy.end && busy.start < slot.end).toBe(false);
    }
    expect(alternatives(occurrences[1]!)[0]).toBe("same-week 2026-10-28T14:00:00.000Z t-own");
  });
});
