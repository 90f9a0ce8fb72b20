import { describe, expect, it } from "vitest";
import { cancellationOutcome, depositAmountCents, noShowOutcome, onlinePayment, type ServicePayment } from "./rules";

const service = (over: Partial<ServicePayment>): ServicePayment => ({
  priceCents: 11000,
  currency: "USD",
  paymentRule: "NONE",
  depositCents: null,
  depositPercent: null,
  ...over,
});

const policy = { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 2500, noShowFeeCents: 4000 };
const HOUR = 3_600_000;

describe("onlinePayment", () => {
  it("asks for each rule's amount when online payment is on", () => {
    expect(onlinePayment(service({ paymentRule: "NONE" }), true)).toEqual({ kind: "at-clinic" });
    expect(onlinePayment(service({ paymentRule: "NONE", priceCents: 0 }), true)).toEqual({ kind: "nothing" });
    expect(onlinePayment(service({ paymentRule: "FULL" }), true)).toEqual({ kind: "full", amountCents: 11000 });
    expect(onlinePayment(service({ paymentRule: "DEPOSIT", depositCents: 2750 }), true)).toEqual({ kind: "deposit", amountCents: 2750, restCents: 8250 });
    expect(onlinePayment(service({ paymentRule: "DEPOSIT", depositPercent: 25 }), true)).toEqual({ kind: "deposit", amountCents: 2750, restCents: 8250 });
    expect(onlinePayment(service({ paymentRule: "CARD_ON_FILE" }), true)).toEqual({ kind: "card" });
    expect(onlinePayment(service({ paymentRule: "CARD_ON_FILE", priceCents: 0 }), true)).toEqual({ kind: "card" });
  });

  it("asks for nothing online when online payment is off: paid services are paid at the clinic", () => {
    for (const rule of ["NONE", "FULL", "CARD_ON_FILE"] as const) {
      expect(onlinePayment(service({ paymentRule: rule }), false)).toEqual({ kind: "at-clinic" });
    }
    expect(onlinePayment(service({ paymentRule: "DEPOSIT", depositPercent: 50 }), false)).toEqual({ kind: "at-clinic" });
    expect(onlinePayment(service({ paymentRule: "CARD_ON_FILE", priceCents: 0 }), false)).toEqual({ kind: "nothing" });
    expect(onlinePayment(service({ paymentRule: "NONE", priceCents: 0 }), false)).toEqual({ kind: "nothing" });
  });

  it("refuses a service whose deposit breaks the rules the database also holds", () => {
    expect(() => onlinePayment(service({ paymentRule: "DEPOSIT" }), true)).toThrow();
    expect(() => onlinePayment(service({ paymentRule: "DEPOSIT", depositCents: 100, depositPercent: 10 }), true)).toThrow();
    expect(() => onlinePayment(service({ paymentRule: "DEPOSIT", depositCents: 11001 }), true)).toThrow();
    expect(() => onlinePayment(service({ paymentRule: "FULL", priceCents: 0 }), true)).toThrow();
    expect(() => onlinePayment(service({ paymentRule: "FULL", depositCents: 100 }), true)).toThrow();
  });
});

describe("depositAmountCents", () => {
  it("rounds a percent deposit half a cent up, in whole cents, and never below one cent", () => {
    expect(depositAmountCents(8550, { depositCents: null, depositPercent: 25 })).toBe(2138); // 2137.5
    expect(depositAmountCents(8549, { depositCents: null, depositPercent: 25 })).toBe(2137); // 2137.25
    expect(depositAmountCents(3333, { depositCents: null, depositPercent: 33 })).toBe(1100); // 1099.89
    expect(depositAmountCents(1, { depositCents: null, depositPercent: 1 })).toBe(1);
    expect(depositAmountCents(9999, { depositCents: null, depositPercent: 100 })).toBe(9999);
    expect(depositAmountCents(9999, { depositCents: 5000, depositPercent: null })).toBe(5000);
  });
});

describe("cancellationOutcome", () => {
  const startsAt = new Date("2026-03-08T15:00:00Z");

  it("refunds everything outside the late window", () => {
    expect(cancellationOutcome(policy, { paidCents: 2750, startsAt, cancelledAt: new Date(startsAt.getTime() - 24 * HOUR) })).toEqual({
      fee: "none",
      feeCents: 0,
      keptCents: 0,
      refundCents: 2750,
      chargeCents: 0,
    });
  });

  it("keeps the late fee inside the window and refunds the rest", () => {
    expect(cancellationOutcome(policy, { paidCents: 11000, startsAt, cancelledAt: new Date(startsAt.getTime() - 24 * HOUR + 1) })).toEqual({
      fee: "late",
      feeCents: 2500,
      keptCents: 2500,
      refundCents: 8500,
      chargeCents: 0,
    });
  });

  it("never refunds a negative amount: a fee above what was paid leaves the rest for the card on file", () => {
    expect(cancellationOutcome(policy, { paidCents: 1000, startsAt, cancelledAt: new Date(startsAt.getTime() - HOUR) })).toEqual({
      fee: "late",
      feeCents: 2500,
      keptCents: 1000,
      refundCents: 0,
      chargeCents: 1500,
    });
    expect(cancellationOutcome(policy, { paidCents: 0, startsAt, cancelledAt: startsAt }).chargeCents).toBe(2500);
  });

  it("measures the window as elapsed time across a clock change", () => {
    // New York springs forward on 8 March 2026: 10:00 on the 7th to 10:00 on
    // the 8th reads as a day on the clock but is 23 elapsed hours, inside a 24-hour window.
    const start = new Date("2026-03-08T14:00:00Z"); // 10:00 EDT
    const dayBefore = new Date("2026-03-07T15:00:00Z"); // 10:00 EST, 23 elapsed hours before
    expect(cancellationOutcome(policy, { paidCents: 2750, startsAt: start, cancelledAt: dayBefore }).fee).toBe("late");
  });

  it("keeps nothing when the practice charges no late fee or has no window", () => {
    expect(cancellationOutcome({ ...policy, lateCancelFeeCents: 0 }, { paidCents: 2750, startsAt, cancelledAt: startsAt }).refundCents).toBe(2750);
    expect(cancellationOutcome({ ...policy, lateCancelWindowMinutes: 0 }, { paidCents: 2750, startsAt, cancelledAt: new Date(startsAt.getTime() - 1) }).fee).toBe("none");
  });

  it("refuses a negative payment", () => {
    expect(() => cancellationOutcome(policy, { paidCents: -1, startsAt, cancelledAt: startsAt })).toThrow();
  });
});

describe("noShowOutcome", () => {
  it("keeps the no-show fee and refunds the rest of what was paid", () => {
    expect(noShowOutcome(policy, { paidCents: 11000 })).toEqual({ fee: "no-show", feeCents: 4000, keptCents: 4000, refundCents: 7000, chargeCents: 0 });
    expect(noShowOutcome(policy, { paidCents: 0 })).toEqual({ fee: "no-show", feeCents: 4000, keptCents: 0, refundCents: 0, chargeCents: 4000 });
    expect(noShowOutcome({ ...policy, noShowFeeCents: 0 }, { paidCents: 2750 })).toEqual({ fee: "none", feeCents: 0, keptCents: 0, refundCents: 2750, chargeCents: 0 });
  });
});
