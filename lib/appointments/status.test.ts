import { describe, expect, it } from "vitest";
import { checkTransition } from "./status";

const start = new Date("2026-11-23T15:00:00Z");
const before = new Date("2026-11-23T14:59:00Z");
const after = new Date("2026-11-23T15:10:00Z");

describe("checkTransition", () => {
  it("checks in, completes and cancels booked visits", () => {
    expect(checkTransition("check-in", "BOOKED", start, before)).toEqual({ ok: true, to: "CHECKED_IN" });
    expect(checkTransition("complete", "CHECKED_IN", start, after)).toEqual({ ok: true, to: "COMPLETED" });
    expect(checkTransition("cancel", "BOOKED", start, before)).toEqual({ ok: true, to: "CANCELLED" });
  });

  it("marks a no-show only after the start", () => {
    expect(checkTransition("no-show", "BOOKED", start, before).ok).toBe(false);
    expect(checkTransition("no-show", "BOOKED", start, after)).toEqual({ ok: true, to: "NO_SHOW" });
  });

  it("refuses to change finished visits", () => {
    expect(checkTransition("check-in", "CANCELLED", start, before)).toEqual({ ok: false, reason: "A cancelled visit cannot be marked check-in." });
    expect(checkTransition("cancel", "COMPLETED", start, after).ok).toBe(false);
    expect(checkTransition("no-show", "CHECKED_IN", start, after).ok).toBe(false);
  });
});
