import { describe, expect, it } from "vitest";
import { findAllSlots } from "./find-all-slots";
import type { SlotQuery, TherapistSchedule } from "./types";

const at = (iso: string) => Date.parse(iso);

function therapist(therapistId: string, startMinute: number, endMinute: number): TherapistSchedule {
  return {
    therapistId,
    locationId: "loc-1",
    timeZone: "Asia/Kathmandu",
    weeklyHours: [{ weekday: 1, startMinute, endMinute, visitModes: ["VIDEO"] }],
    timeOff: [],
    busy: [],
  };
}

const query: SlotQuery = {
  mode: "VIDEO",
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  travelMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 60,
  from: "2026-11-23",
  to: "2026-11-23",
  now: at("2026-11-01T00:00:00Z"),
  stepMinutes: 30,
};

describe("findAllSlots", () => {
  it("merges every therapist's slots sorted by start, then therapistId", () => {
    // Kathmandu is UTC+05:45: 09:00 local is 03:15Z.
    const slots = findAllSlots([therapist("t-b", 540, 630), therapist("t-a", 570, 630)], query);
    expect(slots.map((s) => `${new Date(s.start).toISOString()} ${s.therapistId}`)).toEqual([
      "2026-11-23T03:15:00.000Z t-b",
      "2026-11-23T03:45:00.000Z t-a",
      "2026-11-23T03:45:00.000Z t-b",
      "2026-11-23T04:15:00.000Z t-a",
      "2026-11-23T04:15:00.000Z t-b",
    ]);
  });

  it("is empty for no schedules", () => {
    expect(findAllSlots([], query)).toEqual([]);
  });
});
