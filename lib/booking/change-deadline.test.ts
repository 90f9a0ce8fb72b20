import { describe, expect, it } from "vitest";
import { changeDeadline, insideCutoff, slotChangeTerms } from "./change-deadline";

const DENVER = "America/Denver";
const DAY = 24 * 60;

describe("changeDeadline", () => {
  it("counts the cut-off in elapsed time across the spring change (2026-03-08, a 23-hour day in Denver)", () => {
    // 08:00 MDT on Sunday 8 March; 24 hours earlier is 07:00 MST on Saturday 7 March, not 08:00.
    const start = Date.parse("2026-03-08T08:00:00-06:00");
    expect(new Date(changeDeadline(start, DAY)).toISOString()).toBe("2026-03-07T14:00:00.000Z");
    expect(slotChangeTerms(start, DAY, 0, DENVER).changeableOnlineUntil).toBe("2026-03-07T07:00:00-07:00");
  });

  it("counts the cut-off in elapsed time across the autumn change (2026-11-01, a 25-hour day in Denver)", () => {
    // 08:00 MST on Sunday 1 November; 24 hours earlier is 09:00 MDT on Saturday 31 October, not 08:00.
    const start = Date.parse("2026-11-01T08:00:00-07:00");
    expect(slotChangeTerms(start, DAY, 0, DENVER).changeableOnlineUntil).toBe("2026-10-31T09:00:00-06:00");
    // A 12-hour cut-off that falls inside the repeated hour: 01:30 on the first (daylight) pass.
    const early = Date.parse("2026-11-01T12:30:00-07:00");
    expect(slotChangeTerms(early, 12 * 60, 0, DENVER).changeableOnlineUntil).toBe("2026-11-01T01:30:00-06:00");
  });
});

describe("insideCutoff", () => {
  const start = Date.parse("2026-03-08T08:00:00-06:00");
  const deadline = Date.parse("2026-03-07T07:00:00-07:00");

  it("is false until the deadline and true from the deadline on", () => {
    expect(insideCutoff(start, DAY, deadline - 1)).toBe(false);
    expect(insideCutoff(start, DAY, deadline)).toBe(true);
    expect(slotChangeTerms(start, DAY, deadline - 1, DENVER).changeableOnline).toBe(true);
    expect(slotChangeTerms(start, DAY, deadline, DENVER).changeableOnline).toBe(false);
  });

  it("marks a visit booked at 22:00 for 08:00 the next morning as inside a 24-hour cut-off", () => {
    const evening = Date.parse("2026-11-05T22:00:00-07:00");
    expect(insideCutoff(Date.parse("2026-11-06T08:00:00-07:00"), DAY, evening)).toBe(true);
    expect(insideCutoff(Date.parse("2026-11-06T08:00:00-07:00"), 120, evening)).toBe(false);
  });

  it("with no cut-off, only a visit already begun is inside it", () => {
    expect(insideCutoff(start, 0, start - 1)).toBe(false);
    expect(insideCutoff(start, 0, start)).toBe(true);
  });
});
