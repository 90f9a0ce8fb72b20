import { describe, expect, it } from "vitest";
import { createPractice, patientInput } from "../../test/fixtures";
import { createBooking, rescheduleBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { bookingMoney, bookingMoneyOf, refundable } from "./booking-money";
import { recordPayment, recordRefund } from "./ledger";

// A Monday noon UTC; the practice is in America/Chicago (UTC−6 in November).
const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };

let seq = 0;
const pi = () => `pi_bookingmoney${Date.now()}${seq++}`;

async function bookedVisit() {
  const practice = await createPractice();
  await getPrisma().service.update({ where: { id: practice.service.id }, data: { priceCents: 12_000, currency: "usd", paymentRule: "DEPOSIT", depositPercent: 25 } });
  const booked = await createBooking(
    { service: practice.service.id, start: "2026-11-25T09:00:00-06:00", mode: "CLINIC", locationId: practice.location.id, patient: patientInput(), language: "en" },
    ctx,
  );
  return { practice, booked };
}

const payment = (id: string, appointmentId: string, amountCents: number, status: "SUCCEEDED" | "FAILED" | "PENDING", purpose: string) =>
  getPrisma().$transaction((tx) =>
    recordPayment(tx, { id, amountCents, amountIsFinal: status === "SUCCEEDED", currency: "USD", status, checkoutSessionId: null, appointmentId, customerId: "cus_money", purpose }),
  );

describe("bookingMoney", () => {
  it("sums the booking's payments across a reschedule, counts pending refunds, ignores failed payments, and takes the card from the current row", async () => {
    const { booked } = await bookedVisit();
    const prisma = getPrisma();
    const first = await prisma.appointment.findUniqueOrThrow({ where: { id: booked.id } });
    await prisma.appointment.update({ where: { id: first.id }, data: { paymentMethodId: "pm_moneycard", stripeCustomerId: "cus_money" } });

    const deposit = pi();
    const fee = pi();
    await payment(deposit, first.id, 3000, "SUCCEEDED", "booking");
    await payment(pi(), first.id, 5000, "FAILED", "fee");

    const moved = await rescheduleBooking(booked.manageToken, { start: "2026-11-26T09:00:00-06:00" }, ctx);
    expect(moved.id).not.toBe(first.id);
    await payment(fee, moved.id, 2500, "SUCCEEDED", "fee");
    await prisma.$transaction(async (tx) => {
      await recordRefund(tx, { id: "re_moneya" + deposit.slice(3), amount: 1000, payment_intent: deposit, status: "SUCCEEDED" });
      await recordRefund(tx, { id: "re_moneyb" + deposit.slice(3), amount: 500, payment_intent: deposit, status: "PENDING" });
      await recordRefund(tx, { id: "re_moneyc" + deposit.slice(3), amount: 700, payment_intent: deposit, status: "FAILED" });
    });

    const money = await bookingMoney(first.bookingId);
    expect(money).toMatchObject({ appointmentId: moved.id, currency: "USD", paidCents: 5500, refundedCents: 1500, netCents: 4000 });
    expect(money.payments.map((p) => [p.status, p.purpose, p.amountCents])).toEqual([
      ["SUCCEEDED", "booking", 3000],
      ["FAILED", "fee", 5000],
      ["SUCCEEDED", "fee", 2500],
    ]);
    expect(money.refunds).toHaveLength(3);
    expect(refundable(money)).toEqual([
      { paymentIntentId: deposit, remainingCents: 1500 },
      { paymentIntentId: fee, remainingCents: 2500 },
    ]);
    // The card saved for the visit moved with it.
    expect(money.cardOnFile).toEqual({ paymentMethodId: "pm_moneycard", customerId: "cus_money" });
    // Read from the old row, the booking is the same.
    expect(await bookingMoneyOf(first.id)).toEqual(money);
  });

  it("reads a booking with nothing paid in the service's currency", async () => {
    const { booked } = await bookedVisit();
    const money = await bookingMoneyOf(booked.id);
    expect(money).toMatchObject({ appointmentId: booked.id, currency: "USD", paidCents: 0, refundedCents: 0, netCents: 0, payments: [], refunds: [], cardOnFile: null });
  });
});
