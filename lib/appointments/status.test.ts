import { describe, expect, it } from "vitest";
import { checkTransition } from "./status";

const ZONE = "America/Chicago";
const start = new Date("2026-11-23T15:00:00Z");
const before = new Date("2026-11-23T14:59:00Z");
const after = new Date("2026-11-23T15:10:00Z");

describe("checkTransition", () => {
  it("checks in, completes and cancels booked visits", () => {
    expect(checkTransition("check-in", "BOOKED", start, before, ZONE)).toEqual({ ok: true, to: "CHECKED_IN" });
    expect(checkTransition("complete", "CHECKED_IN", start, after, ZONE)).toEqual({ ok: true, to: "COMPLETED" });
    expect(checkTransition("cancel", "BOOKED", start, before, ZONE)).toEqual({ ok: true, to: "CANCELLED" });
  });

  it("marks a no-show only after the start", () => {
    expect(checkTransition("no-show", "BOOKED", start, before, ZONE).ok).toBe(false);
    expect(checkTransition("no-show", "BOOKED", start, after, ZONE)).toEqual({ ok: true, to: "NO_SHOW" });
  });

  it("refuses to change finished visits", () => {
    expect(checkTransition("check-in", "CANCELLED", start, before, ZONE)).toEqual({ ok: false, reason: "A cancelled visit cannot be checked in." });
    expect(checkTransition("cancel", "COMPLETED", start, after, ZONE).ok).toBe(false);
    expect(checkTransition("no-show", "CHECKED_IN", start, after, ZONE).ok).toBe(false);
  });

  it("checks in only on the visit's local day, read in the location's zone", () => {
    // 23:30 in Chicago on the 22nd is already the 23rd in UTC.
    const lateEve = new Date("2026-11-23T05:30:00Z");
    expect(checkTransition("check-in", "BOOKED", start, lateEve, ZONE).ok).toBe(false);
    // 00:05 in Chicago on the 23rd.
    expect(checkTransition("check-in", "BOOKED", start, new Date("2026-11-23T06:05:00Z"), ZONE).ok).toBe(true);
    const threeDaysAhead = new Date("2026-11-20T15:00:00Z");
    const refused = checkTransition("check-in", "BOOKED", start, threeDaysAhead, ZONE);
    expect(refused).toEqual({ ok: false, reason: "A patient can be checked in only on the day of the visit (2026-11-23, America/Chicago)." });
  });

  it("takes a check-in or a no-show back to booked on the visit's day only", () => {
    expect(checkTransition("undo-check-in", "CHECKED_IN", start, after, ZONE)).toEqual({ ok: true, to: "BOOKED" });
    expect(checkTransition("undo-no-show", "NO_SHOW", start, new Date("2026-11-24T05:59:00Z"), ZONE)).toEqual({ ok: true, to: "BOOKED" });
    expect(checkTransition("undo-no-show", "NO_SHOW", start, new Date("2026-11-24T06:00:00Z"), ZONE).ok).toBe(false);
    expect(checkTransition("undo-check-in", "BOOKED", start, after, ZONE).ok).toBe(false);
    expect(checkTransition("undo-no-show", "CHECKED_IN", start, after, ZONE).ok).toBe(false);
  });
});
