import { describe, expect, it } from "vitest";
import { AppointmentStatus } from "./generated/enums";
import { isVisitStatus, VISIT_STATUSES, visitStatusOf } from "./appointment-status";

describe("appointment statuses", () => {
  it("count held and lapsed times as no visit, and every other status as one", () => {
    expect(VISIT_STATUSES).toEqual(["BOOKED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"]);
    expect(Object.values(AppointmentStatus).filter((s) => !isVisitStatus(s))).toEqual(["HELD", "LAPSED"]);
  });

  it("refuse to show a hold as a visit", () => {
    expect(visitStatusOf("CANCELLED")).toBe("CANCELLED");
    expect(() => visitStatusOf("HELD")).toThrow(/not a visit/);
  });
});
