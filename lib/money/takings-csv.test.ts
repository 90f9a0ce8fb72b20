import { describe, expect, it } from "vitest";
import type { Takings } from "./schema";
import { takingsCsv } from "./takings-csv";

// The takings file opens in spreadsheet programs: a patient's name is theirs
// to choose, and one written as a formula must arrive as text.

const visit = { id: "v1", startsAt: new Date("2026-11-01T14:00:00Z"), serviceName: "Therapy", locationName: "Westside", timeZone: "America/New_York" };

describe("takingsCsv", () => {
  it("writes the location's lines then those tied to no visit, times on the location's clock, every cell safe", () => {
    const takings: Takings = {
      location: { id: "l1", name: "Westside", timeZone: "America/New_York" },
      locations: [],
      date: "2026-11-01",
      lines: [
        { kind: "payment", id: "pi_1", paymentId: "pi_1", at: new Date("2026-11-02T04:30:00Z"), amountCents: 4500, currency: "USD", purpose: "booking", patient: { id: "p1", name: "=HYPERLINK(\"http://x\") Ruiz" }, visit },
        { kind: "refund", id: "re_1", paymentId: "pi_1", at: new Date("2026-11-02T04:40:00Z"), amountCents: 1000, currency: "USD", purpose: "booking", patient: { id: "p1", name: "-Ana" }, visit },
      ],
      totals: [],
      untied: [{ kind: "payment", id: "pi_2", paymentId: "pi_2", at: new Date("2026-11-01T16:00:00Z"), amountCents: 30000, currency: "USD", purpose: "other", patient: null, visit: null }],
      untiedTotals: [],
    };
    const lines = takingsCsv(takings).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Part,Kind,Time,Stripe id,Payment,Patient,Visit,Service,For,Currency,Amount");
    expect(lines[1]).toBe(`This location,Payment,2026-11-01T23:30:00-05:00,pi_1,pi_1,"'=HYPERLINK(""http://x"") Ruiz",2026-11-01T09:00:00-05:00,Therapy,Booking,USD,45.00`);
    expect(lines[2]).toBe("This location,Refund,2026-11-01T23:40:00-05:00,re_1,pi_1,'-Ana,2026-11-01T09:00:00-05:00,Therapy,Booking,USD,10.00");
    expect(lines[3]).toBe("Not tied to a visit,Payment,2026-11-01T11:00:00-05:00,pi_2,pi_2,,,,Other sale,USD,300.00");
  });
});
