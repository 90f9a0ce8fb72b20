import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRepeatedErrors, type ErrorReport, type RepeatSummary } from "./repeated-errors";

describe("repeated server errors", () => {
  let first: ErrorReport[];
  let repeats: RepeatSummary[];
  const make = () => createRepeatedErrors({ windowMs: 10_000, writeFirst: (r) => first.push(r), writeRepeats: (s) => repeats.push(s) });

  beforeEach(() => {
    first = [];
    repeats = [];
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes the first of a kind in full and only counts the rest until the window closes", () => {
    const errors = make();
    const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    for (let i = 0; i < 1000; i += 1) errors.report(refused(), "GET /api/availability", `request-${i}`);
    expect(first).toHaveLength(1);
    expect(first[0]!.error).toBeInstanceOf(Error);
    expect(first[0]!.reqId).toBe("request-0");
    expect(repeats).toEqual([]);

    vi.advanceTimersByTime(10_000);
    expect(repeats).toEqual([{ key: "Error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432", where: ["GET /api/availability"], repeated: 999, windowMs: 10_000 }]);

    // A new window writes the error in full again, so a long outage still shows its stack now and then.
    errors.report(refused(), "GET /api/availability");
    expect(first).toHaveLength(2);
  });

  it("keeps different errors apart and counts one error met in several places once, naming the places", () => {
    const errors = make();
    errors.report(new Error("a"), "GET /api/services");
    errors.report(new Error("b"), "GET /api/services");
    errors.report(new Error("a"), "render");
    errors.report(new TypeError("a"), "GET /api/services");
    errors.report(new Error("a"), "GET /api/services");
    expect(first.map((r) => [r.key, r.where])).toEqual([
      ["Error: a", "GET /api/services"],
      ["Error: b", "GET /api/services"],
      ["TypeError: a", "GET /api/services"],
    ]);
    errors.flush();
    expect(repeats.map((s) => [s.key, s.repeated, s.where])).toEqual([["Error: a", 2, ["GET /api/services", "render"]]]);
  });

  it("writes no summary for an error that did not repeat", () => {
    const errors = make();
    errors.report("not an Error", "route");
    vi.advanceTimersByTime(20_000);
    expect(first).toHaveLength(1);
    expect(repeats).toEqual([]);
  });
});
