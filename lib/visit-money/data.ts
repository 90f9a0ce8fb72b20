import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { formatPrice } from "../i18n/format-price";
import { findFeePolicy } from "../practice/data";
import { bookingMoney, refundable, type BookingMoney } from "../payments/booking-money";
import { cancellationOutcome, feesApply, noShowOutcome, type CancellationPolicy } from "../payments/rules";
import type { FeeKind, VisitFeeDto, VisitMoneyDto } from "./schema";

// The visit panel's money: what the booking paid and got back, the card on
// file, and the fee the desk may charge to it. Staff read it through an
// audited route; the desk's refunds and fee charges (mutations.ts) answer it too.

type Tx = Prisma.TransactionClient;

export interface VisitRow {
  id: string;
  bookingId: string;
  patientId: string;
  status: string;
  startsAt: Date;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  paymentRule: "NONE" | "FULL" | "DEPOSIT" | "CARD_ON_FILE";
  serviceCurrency: string;
}

export async function visitRow(tx: Tx, appointmentId: string): Promise<VisitRow> {
  const row = await tx.appointment.findUnique({
    where: { id: appointmentId },
    select: { id: true, bookingId: true, patientId: true, status: true, startsAt: true, cancelledAt: true, cancellationReason: true, service: { select: { paymentRule: true, currency: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such visit.");
  return { ...row, paymentRule: row.service.paymentRule, serviceCurrency: row.service.currency };
}

/** What the booking's payments for the visit itself (not its fees) still hold. */
function visitNetCents(money: BookingMoney): number {
  return money.payments
    .filter((p) => p.status === "SUCCEEDED" && p.purpose !== "fee")
    .reduce((sum, p) => sum + (p.amountCents ?? 0) - p.refundedCents, 0);
}

/** The fee the visit's outcome calls for, from the policy now and what its payments keep. */
export function feeFor(visit: VisitRow, money: BookingMoney, policy: CancellationPolicy): VisitFeeDto | null {
  if (!feesApply(visit.paymentRule)) return null;
  const paidCents = Math.max(0, visitNetCents(money));
  let kind: FeeKind;
  let outcome;
  if (visit.status === "NO_SHOW") {
    kind = "no-show";
    outcome = noShowOutcome(policy, { paidCents });
  } else if (visit.status === "CANCELLED" && visit.cancelledAt && money.appointmentId === visit.id) {
    // Only the booking's current row: the row a patient's reschedule left behind is cancelled too, but not as a visit.
    kind = "late";
    outcome = cancellationOutcome(policy, { paidCents, startsAt: visit.startsAt, cancelledAt: visit.cancelledAt });
  } else return null;
  if (outcome.fee === "none") return null;
  const paid = money.payments.some((p) => p.purpose === "fee" && p.status === "SUCCEEDED");
  return { kind, feeCents: outcome.feeCents, chargeCents: outcome.chargeCents, paid };
}

export async function visitMoneyIn(tx: Tx, appointmentId: string): Promise<VisitMoneyDto> {
  const visit = await visitRow(tx, appointmentId);
  const money = await bookingMoney(visit.bookingId, tx);
  const fee = feeFor(visit, money, await findFeePolicy(tx));
  const lastFee = [...money.payments].reverse().find((p) => p.purpose === "fee");
  let lastDecline: string | null = null;
  if (lastFee?.status === "FAILED") {
    const entry = await tx.auditLog.findFirst({
      where: { action: "payment.fee-declined", entityId: appointmentId, detail: { path: ["paymentIntentId"], equals: lastFee.id } },
      select: { detail: true },
    });
    lastDecline = z.object({ decline: z.string() }).safeParse(entry?.detail).data?.decline ?? null;
  }
  return {
    appointmentId,
    currency: money.currency,
    paidCents: money.paidCents,
    refundedCents: money.refundedCents,
    netCents: money.netCents,
    refundableCents: refundable(money).reduce((sum, r) => sum + r.remainingCents, 0),
    cardOnFile: money.cardOnFile !== null,
    payments: money.payments.map((p) => ({ id: p.id, status: p.status, purpose: p.purpose, amountCents: p.amountCents, refundedCents: p.refundedCents, createdAt: p.createdAt.toISOString() })),
    fee,
    lastDecline,
  };
}

/** The visit's money for the panel; the read is audited like any read of a patient's data. */
export async function readVisitMoney(staff: StaffMember, appointmentId: string, ctx: RequestContext): Promise<VisitMoneyDto> {
  return getPrisma().$transaction(async (tx) => {
    const dto = await visitMoneyIn(tx, appointmentId);
    const { patientId } = await visitRow(tx, appointmentId);
    await recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action: "payment.money-view", entity: "Appointment", entityId: appointmentId, patientId, ipAddress: ctx.ipAddress });
    return dto;
  });
}

/**
 * Runs a money action on a booking one at a time: a transaction-scoped
 * advisory lock on the booking, so a double click or two desks wait for each
 * other and the second sees what the first did. The lock is held across the
 * call to Stripe, which is short, so the ledger it merges is the one read.
 */
export async function withBookingLock<T>(appointmentId: string, work: (tx: Tx, visit: VisitRow) => Promise<T>): Promise<T> {
  return getPrisma().$transaction(
    async (tx) => {
      const visit = await visitRow(tx, appointmentId);
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`booking-money:${visit.bookingId}`}, 0))`;
      return work(tx, visit);
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}

/** An amount in the booking's currency for a message to staff (English). */
export const staffMoney = (cents: number, currency: string) => formatPrice(cents, currency, "en");
