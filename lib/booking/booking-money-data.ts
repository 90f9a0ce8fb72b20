import "server-only";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { bookingMoney } from "../payments/booking-money";
import { findFeePolicy } from "../practice/data";
import type { BookingDto, BookingMoneyDto } from "./api-types";
import { cancellationMoney } from "./cancel-refund";

/**
 * The booking with its money as the patient sees it: what was paid, and
 * before a cancellation what cancelling now would give back and keep (by
 * the policy and the clock now: the cancellation itself decides again at its
 * own instant). Nothing is added for a booking that paid nothing and saved
 * no card.
 */
export async function withBookingMoney(dto: BookingDto, now: Date, tx: Prisma.TransactionClient = getPrisma()): Promise<BookingDto> {
  const row = await tx.appointment.findUniqueOrThrow({
    where: { id: dto.id },
    select: { bookingId: true, status: true, startsAt: true, cancelRefundCents: true, cancelKeptCents: true, service: { select: { paymentRule: true } } },
  });
  const money = await bookingMoney(row.bookingId, tx);
  if (money.paidCents === 0 && !money.cardOnFile) return dto;
  let ifCancelledNow: BookingMoneyDto["ifCancelledNow"] = null;
  if (row.status === "BOOKED") {
    const outcome = cancellationMoney(await findFeePolicy(tx), { money, paymentRule: row.service.paymentRule, startsAt: row.startsAt, cancelledAt: now });
    ifCancelledNow = { refundCents: outcome.refundCents, keptCents: outcome.keptCents, feeCents: outcome.feeCents, chargeCents: outcome.chargeCents, late: outcome.fee === "late" };
  }
  const cancelled = row.status === "CANCELLED" && row.cancelRefundCents !== null && row.cancelKeptCents !== null ? { refundCents: row.cancelRefundCents, keptCents: row.cancelKeptCents } : null;
  return {
    ...dto,
    money: { currency: money.currency, paidCents: money.paidCents, refundedCents: money.refundedCents, cardOnFile: money.cardOnFile !== null, ifCancelledNow, cancelled },
  };
}
