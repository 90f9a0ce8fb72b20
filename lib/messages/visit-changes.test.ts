import { describe, expect, it } from "vitest";
import { cancelledKey, parseTherapistKey, parseVisitChangeKey, rescheduledKey } from "./visit-changes";

const id = "4bd44a4b-c6db-4767-a1b9-aa365d1d735b";
const ana = "16bf5f40-aabf-4aa3-a38f-111741ae8f42";
const kevin = "0b6f1b9e-55c3-4b8e-9d0e-3c2f4a1d9e77";
const nine = new Date("2026-12-07T16:00:00.000Z");
const one = new Date("2026-12-07T20:00:00.000Z");

describe("the keys of change notices", () => {
  it("name the visit, its revision and both times, and read back the same", () => {
    const key = rescheduledKey({ appointmentId: id, revision: 3, before: { therapistId: ana, start: nine }, after: { therapistId: ana, start: one } });
    expect(key).toBe(`rescheduled:${id}:3:20261207T200000Z:20261207T160000Z`);
    expect(parseVisitChangeKey(key)).toEqual({ revision: 3, start: one, previousStart: nine });
    expect(parseVisitChangeKey(cancelledKey({ appointmentId: id, revision: 4, before: null, after: { therapistId: ana, start: one } }))).toEqual({ revision: 4, start: one, previousStart: null });
  });

  it("differ for a move back to an earlier time, so it is told too", () => {
    const there = rescheduledKey({ appointmentId: id, revision: 1, before: { therapistId: ana, start: nine }, after: { therapistId: ana, start: one } });
    const back = rescheduledKey({ appointmentId: id, revision: 3, before: { therapistId: ana, start: nine }, after: { therapistId: ana, start: one } });
    expect(back).not.toBe(there);
  });

  it("read back a therapist's notice with both ends of a move", () => {
    const notice = parseTherapistKey(`therapist:${kevin}:moved:${id}:2:${ana}:20261207T160000Z:${kevin}:20261207T200000Z`);
    expect(notice).toEqual({ therapistId: kevin, event: "moved", appointmentId: id, revision: 2, before: { therapistId: ana, start: nine }, after: { therapistId: kevin, start: one } });
    expect(parseTherapistKey(`therapist:${kevin}:booked:${id}:0:-:-:${kevin}:20261207T200000Z`)?.before).toBeNull();
    expect(parseTherapistKey(`therapist:${kevin}:renamed:${id}:0:-:-:${kevin}:20261207T200000Z`)).toBeNull();
    expect(parseVisitChangeKey("rescheduled:nonsense")).toBeNull();
  });
});
