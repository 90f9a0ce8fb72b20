import "server-only";
import { getPrisma } from "../db/client";
import type { PaymentRefundStatus, PaymentStatus, Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";

// The money of one booking, read from the ledger. A patient's reschedule
// writes a new row with the same bookingId, and a payment names the row it
// was made for, so the booking's money is every payment of every row of the
// booking; the card on file is the current row's.

type Db = Prisma.TransactionClient;

export interface BookingPayment {
  id: string;
  appointmentId: string | null;
  status: PaymentStatus;
  purpose: string | null;
  amountCents: number | null;
  refundedCents: number;
  createdAt: Date;
}

export interface BookingRefund {
  id: string;
  paymentIntentId: string;
  amountCents: number;
  status: PaymentRefundStatus;
  createdAt: Date;
}

export interface BookingMoney {
  bookingId: string;
  /** The booking's row now: the last one a reschedule wrote. */
  appointmentId: string;
  /** ISO 4217, upper case: the payments' currency, or the service's when nothing was paid. */
  currency: string;
  payments: BookingPayment[];
  refunds: BookingRefund[];
  /** What the payments that succeeded took. */
  paidCents: number;
  /** What refunds hold back of it: a pending refund counts, as Stripe counts it. */
  refundedCents: number;
  netCents: number;
  /** The saved card an off-session fee is charged to, with its Customer; null without one. */
  cardOnFile: { paymentMethodId: string; customerId: string } | null;
}

const HOLDING: ReadonlySet<PaymentRefundStatus> = new Set(["PENDING", "REQUIRES_ACTION", "SUCCEEDED"]);

/** The money of the booking that has this bookingId; in the caller's transaction when it has one. */
export async function bookingMoney(bookingId: string, db: Db = getPrisma()): Promise<BookingMoney> {
  const rows = await db.appointment.findMany({
    where: { bookingId },
    select: { id: true, rescheduledFromId: true, createdAt: true, paymentMethodId: true, stripeCustomerId: true, service: { select: { currency: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (rows.length === 0) throw new AppError("NOT_FOUND", "No such booking.");
  const movedOn = new Set(rows.map((r) => r.rescheduledFromId).filter((id): id is string => id !== null));
  const current = rows.filter((r) => !movedOn.has(r.id)).at(-1) ?? rows.at(-1)!;

  const payments = await db.payment.findMany({
    where: { appointmentId: { in: rows.map((r) => r.id) } },
    select: { id: true, appointmentId: true, status: true, purpose: true, amountCents: true, refundedCents: true, currency: true, createdAt: true, refunds: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const refunds = payments
    .flatMap((p) => p.refunds)
    .map((r) => ({ id: r.id, paymentIntentId: r.paymentIntentId, amountCents: r.amountCents, status: r.status, createdAt: r.createdAt }))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const succeeded = payments.filter((p) => p.status === "SUCCEEDED");
  const paidCents = succeeded.reduce((sum, p) => sum + (p.amountCents ?? 0), 0);
  const refundedCents = refunds.filter((r) => HOLDING.has(r.status)).reduce((sum, r) => sum + r.amountCents, 0);
  const currency = (payments.find((p) => p.currency)?.currency ?? current.service.currency).toUpperCase();

  return {
    bookingId,
    appointmentId: current.id,
    currency,
    payments: payments.map((p) => ({
      id: p.id, appointmentId: p.appointmentId, status: p.status, purpose: p.purpose, amountCents: p.amountCents, refundedCents: p.refundedCents, createdAt: p.createdAt,
    })),
    refunds,
    paidCents,
    refundedCents,
    netCents: paidCents - refundedCents,
    cardOnFile: current.paymentMethodId && current.stripeCustomerId ? { paymentMethodId: current.paymentMethodId, customerId: current.stripeCustomerId } : null,
  };
}

/** The money of the booking an appointment row belongs to. */
export async function bookingMoneyOf(appointmentId: string, db: Db = getPrisma()): Promise<BookingMoney> {
  const row = await db.appointment.findUnique({ where: { id: appointmentId }, select: { bookingId: true } });
  if (!row) throw new AppError("NOT_FOUND", "No such visit.");
  return bookingMoney(row.bookingId, db);
}

/**
 * Payments that still have money to give back, oldest first: what a refund
 * of the booking draws from, each never beyond what remains of it.
 */
export function refundable(money: BookingMoney): { paymentIntentId: string; remainingCents: number }[] {
  return money.payments
    .filter((p) => p.status === "SUCCEEDED" && p.amountCents !== null && p.amountCents > p.refundedCents)
    .map((p) => ({ paymentIntentId: p.id, remainingCents: p.amountCents! - p.refundedCents }));
}
