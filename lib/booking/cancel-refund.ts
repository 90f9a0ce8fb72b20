import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { enqueueJob } from "../jobs/queue";
import { bookingMoney, refundable, type BookingMoney } from "../payments/booking-money";
import { recordRefund } from "../payments/ledger";
import { cancellationOutcome, feesApply, type CancellationOutcome, type CancellationPolicy, type PaymentRule } from "../payments/rules";
import { refundSchema } from "../payments/schema";
import { stripeClient } from "../payments/stripe-client";

// What a patient's cancellation gives back. The amount is decided at the
// instant of the cancellation, by the policy then, and travels in the job's
// payload; the worker gives it back later, outside any transaction, drawing
// on the booking's payments as the ledger shows them when it runs.

export const CANCEL_REFUND_TASK = "cancel-refund";

const payloadSchema = z.object({ appointmentId: z.uuid(), bookingId: z.uuid(), refundCents: z.number().int().min(1) });
export type CancelRefund = z.infer<typeof payloadSchema>;

/** Stripe's idempotency key for one payment's part of the refund: the same refund however often the job runs. */
export const cancelRefundKey = (appointmentId: string, paymentIntentId: string) => `cancel-refund:${appointmentId}:${paymentIntentId}`;

/**
 * What cancelling now would give back and keep, from the booking's money
 * net of refunds already made. A service that takes no money online has no
 * fee to keep, so all of it goes back.
 */
export function cancellationMoney(
  policy: CancellationPolicy,
  input: { money: Pick<BookingMoney, "netCents">; paymentRule: PaymentRule; startsAt: Date; cancelledAt: Date },
): CancellationOutcome {
  const paidCents = Math.max(0, input.money.netCents);
  const outcome = cancellationOutcome(policy, { paidCents, startsAt: input.startsAt, cancelledAt: input.cancelledAt });
  if (!feesApply(input.paymentRule)) return { fee: "none", feeCents: 0, keptCents: 0, refundCents: paidCents, chargeCents: 0 };
  return outcome;
}

/** Queues the refund inside the cancellation's transaction, once per visit (the job key). */
export async function enqueueCancelRefund(tx: Prisma.TransactionClient, refund: CancelRefund): Promise<void> {
  await enqueueJob(tx, CANCEL_REFUND_TASK, payloadSchema.parse(refund), { jobKey: `cancel-refund:${refund.appointmentId}`, maxAttempts: 25 });
}

interface Done {
  paymentIntentId: string;
  amountCents: number;
}

/** The parts of this cancellation's refund already made, from their audit entries. */
async function partsDone(appointmentId: string): Promise<Done[]> {
  const entries = await getPrisma().auditLog.findMany({ where: { action: "payment.cancel-refund", entityId: appointmentId }, select: { detail: true } });
  const part = z.object({ paymentIntentId: z.string(), amountCents: z.number().int() });
  return entries.flatMap((e) => {
    const parsed = part.safeParse(e.detail);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Gives back the cancellation's refund: from each payment of the booking
 * with money left, oldest first, never more than remains of it nor more than
 * the amount decided at the cancellation. Each part is merged into the ledger
 * and audited at once, so a second run finds it made and makes nothing; a
 * run cut off between Stripe's answer and the ledger asks Stripe again with
 * the same idempotency key and gets the same refund back. Returns the cents
 * refunded by this run.
 */
export async function runCancelRefund(payload: unknown): Promise<number> {
  const { appointmentId, bookingId, refundCents } = payloadSchema.parse(payload);
  const prisma = getPrisma();
  const done = await partsDone(appointmentId);
  let rest = refundCents - done.reduce((sum, d) => sum + d.amountCents, 0);
  let refundedNow = 0;
  const money = await bookingMoney(bookingId);
  for (const source of refundable(money)) {
    if (rest <= 0) break;
    if (done.some((d) => d.paymentIntentId === source.paymentIntentId)) continue;
    const amount = Math.min(rest, source.remainingCents);
    let refund: Stripe.Refund;
    try {
      refund = await stripeClient().refunds.create(
        { payment_intent: source.paymentIntentId, amount, reason: "requested_by_customer", metadata: { appointmentId, purpose: "cancel-refund" } },
        { idempotencyKey: cancelRefundKey(appointmentId, source.paymentIntentId) },
      );
    } catch (error) {
      // Refunded in full meanwhile (by the desk, before its webhook arrived): nothing of it is left to give.
      if (error instanceof Stripe.errors.StripeError && error.code === "charge_already_refunded") continue;
      // This part was asked for by a run cut off before its ledger write, for another amount since the
      // webhook changed the ledger: it was made, of an amount not known here, so nothing more is drawn.
      if (error instanceof Stripe.errors.StripeIdempotencyError) break;
      throw error;
    }
    const parsed = refundSchema.parse(refund);
    await prisma.$transaction(async (tx) => {
      await recordRefund(tx, parsed);
      const { patientId } = await tx.appointment.findUniqueOrThrow({ where: { id: appointmentId }, select: { patientId: true } });
      await recordAudit(tx, {
        actor: "online payment: cancellation refund",
        action: "payment.cancel-refund",
        entity: "Appointment",
        entityId: appointmentId,
        patientId,
        ipAddress: null,
        detail: { paymentIntentId: source.paymentIntentId, refundId: refund.id, amountCents: refund.amount },
      });
    });
    rest -= refund.amount;
    refundedNow += refund.amount;
  }
  return refundedNow;
}
