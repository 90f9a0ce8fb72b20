import { describe, expect, it } from "vitest";
import type { SlotDto } from "../scheduling/slot-dto";
import { groupSlotsByDay, localDate, shownDay, weekDates } from "./slot-week";

function slot(start: string, therapistId = "t-1"): SlotDto {
  return { start, end: start, therapistId, locationId: "l-1", changeableOnlineUntil: start, changeableOnline: true };
}

describe("the days of a week in the clinic's zone", () => {
  it("lists seven local dates, across a month's end", () => {
    expect(weekDates("2026-11-28")).toEqual(["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]);
  });

  it("lists seven dates across the autumn clock change, none doubled or lost", () => {
    // Chicago falls back on Sunday 2026-11-01: that day is 25 hours long.
    expect(weekDates("2026-10-29")).toEqual(["2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]);
  });

  it("groups times by the clinic's day, not the browser's or UTC's", () => {
    // 7:00 PM in Chicago is already the next day in UTC and in Kathmandu.
    const days = groupSlotsByDay([slot("2026-12-03T19:00:00-06:00"), slot("2026-12-03T09:00:00-06:00"), slot("2026-12-04T08:00:00-06:00")], "America/Chicago", true);
    expect(days.map((day) => [day.date, day.slots.map((s) => s.start)])).toEqual([
      ["2026-12-03", ["2026-12-03T09:00:00-06:00", "2026-12-03T19:00:00-06:00"]],
      ["2026-12-04", ["2026-12-04T08:00:00-06:00"]],
    ]);
  });

  it("keeps each time on its own day in the week the clocks change", () => {
    // Before and after the change the offset differs (-05:00, then -06:00); late
    // evening times would slip a day if read with one fixed offset.
    const zone = "America/Chicago";
    const starts = ["2026-10-31T23:00:00-05:00", "2026-11-01T01:30:00-05:00", "2026-11-01T01:30:00-06:00", "2026-11-01T23:30:00-06:00", "2026-11-02T00:15:00-06:00"];
    const days = groupSlotsByDay(starts.map((start) => slot(start)), zone, true);
    expect(days.map((day) => [day.date, day.slots.length])).toEqual([
      ["2026-10-31", 1],
      ["2026-11-01", 3],
      ["2026-11-02", 1],
    ]);
    expect(localDate("2026-11-02T05:30:00Z", zone)).toBe("2026-11-01");
    expect(localDate("2026-11-02T06:00:00Z", zone)).toBe("2026-11-02");
  });

  it("shows a start offered by two therapists once when anyone will do, twice when not", () => {
    const both = [slot("2026-12-03T09:00:00-06:00", "t-1"), slot("2026-12-03T09:00:00-06:00", "t-2")];
    expect(groupSlotsByDay(both, "America/Chicago", true)[0]!.slots.map((s) => s.therapistId)).toEqual(["t-1"]);
    expect(groupSlotsByDay(both, "America/Chicago", false)[0]!.slots).toHaveLength(2);
  });
});

describe("the day whose times are shown", () => {
  const days = [
    { date: "2026-12-03", slots: [slot("2026-12-03T09:00:00-06:00")] },
    { date: "2026-12-05", slots: [slot("2026-12-05T09:00:00-06:00")] },
  ];

  it("is the first day with times by default", () => {
    expect(shownDay(days, {})).toBe("2026-12-03");
  });

  it("is the day the patient chose", () => {
    expect(shownDay(days, { chosenDate: "2026-12-05", selectedDate: "2026-12-03" })).toBe("2026-12-05");
  });

  it("is the chosen time's day when the patient comes back to the step", () => {
    expect(shownDay(days, { selectedDate: "2026-12-05" })).toBe("2026-12-05");
  });

  it("never is a day without times, nor a day of another week", () => {
    expect(shownDay(days, { chosenDate: "2026-12-04", selectedDate: "2026-12-10" })).toBe("2026-12-03");
  });

  it("is none in a week without times", () => {
    expect(shownDay([], { chosenDate: "2026-12-04" })).toBeNull();
  });
});
