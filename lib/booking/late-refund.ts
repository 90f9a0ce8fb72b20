import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isVisitStatus } from "../db/appointment-status";
import { enqueueJob } from "../jobs/queue";
import { queueMessage } from "../messages/mutations";
import { stripeClient } from "../payments/stripe-client";
import { smsEnabled } from "../sms/config";

// A payment that completed after its hold lapsed, for a time someone else
// took meanwhile: the money goes back in full and the patient is told, with
// other open times. Queued in the transaction that records the payment's
// event; run by the worker, which may call Stripe outside any transaction.

export const LATE_REFUND_TASK = "late-refund";

const payloadSchema = z.object({ appointmentId: z.uuid(), paymentIntentId: z.string().regex(/^pi_[A-Za-z0-9_]+$/) });
export type LateRefund = z.infer<typeof payloadSchema>;

/** Stripe's idempotency key for the refund: the same refund however often the job runs. */
export const lateRefundKey = (paymentIntentId: string) => `late-refund:${paymentIntentId}`;

/**
 * The key of the patient's notice that their time was taken while they paid:
 * it names what they paid with (the PaymentIntent, or the Checkout Session of
 * a card saved and nothing charged), read back when the notice is composed.
 */
export const takenNoticeKey = (reference: string, channel: "EMAIL" | "SMS") => `taken:${reference}:${channel.toLowerCase()}`;

/** What a notice's key names: the payment refunded, or the session through which only a card was saved. */
export function takenNoticeReference(key: string): { paymentIntentId: string } | { sessionId: string } | null {
  const [, reference] = key.split(":");
  if (reference && /^pi_[A-Za-z0-9_]+$/.test(reference)) return { paymentIntentId: reference };
  if (reference && /^cs_[A-Za-z0-9_]+$/.test(reference)) return { sessionId: reference };
  return null;
}

/**
 * Queues the notice to the patient, inside the caller's transaction, once
 * per payment: by email, and by text when they gave a phone and texts are on.
 */
export async function queueTakenNotice(tx: Prisma.TransactionClient, appointmentId: string, reference: string): Promise<void> {
  const row = await tx.appointment.findUniqueOrThrow({ where: { id: appointmentId }, select: { language: true, patient: { select: { email: true, phone: true } } } });
  const base = { kind: "taken" as const, language: row.language, sendAfter: new Date(), appointmentId };
  if (row.patient.email) await queueMessage(tx, { ...base, channel: "EMAIL", recipient: row.patient.email, dedupeKey: takenNoticeKey(reference, "EMAIL") });
  if (row.patient.phone && smsEnabled()) await queueMessage(tx, { ...base, channel: "SMS", recipient: row.patient.phone, dedupeKey: takenNoticeKey(reference, "SMS") });
}

/** Queues the refund inside the caller's transaction, once per payment (the job key). */
export async function enqueueLateRefund(tx: Prisma.TransactionClient, refund: LateRefund): Promise<void> {
  await enqueueJob(tx, LATE_REFUND_TASK, refund, { jobKey: lateRefundKey(refund.paymentIntentId), maxAttempts: 25 });
}

export type LateRefundOutcome = "refunded" | "refunded-before" | "booked";

/**
 * Refunds the late payment in full and queues the patient's notice. Decided
 * now, not when queued: a visit booked since (its time came free and another
 * delivery booked it) keeps its payment; a payment the ledger shows refunded
 * already is not refunded again. Run twice, it refunds once (Stripe's
 * idempotency key, then the ledger) and tells the patient once (the
 * messages' keys). A failure throws, and the queue runs it again.
 */
export async function runLateRefund(payload: unknown): Promise<LateRefundOutcome> {
  const { appointmentId, paymentIntentId } = payloadSchema.parse(payload);
  const prisma = getPrisma();
  const visit = await prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId }, select: { status: true } });
  if (isVisitStatus(visit.status)) return "booked";

  const payment = await prisma.payment.findUnique({ where: { id: paymentIntentId }, select: { amountCents: true, refundedCents: true } });
  const refundedBefore = payment !== null && payment.amountCents !== null && payment.refundedCents >= payment.amountCents;
  let refund: { id: string; amount: number } | null = null;
  if (!refundedBefore) {
    try {
      // No amount: Stripe refunds what is left of the payment, all of it.
      refund = await stripeClient().refunds.create(
        { payment_intent: paymentIntentId, reason: "requested_by_customer", metadata: { appointmentId, purpose: "late-refund" } },
        { idempotencyKey: lateRefundKey(paymentIntentId) },
      );
    } catch (error) {
      // Refunded in full already (by the desk, say, before its webhook arrived): nothing is left to return.
      if (!(error instanceof Stripe.errors.StripeError && error.code === "charge_already_refunded")) throw error;
    }
  }

  await prisma.$transaction(async (tx) => {
    // Stripe answers a repeated request with the same refund: it is audited once.
    const audited = refund && (await tx.auditLog.count({ where: { action: "payment.late-refund", entityId: appointmentId, detail: { path: ["refundId"], equals: refund.id } } })) > 0;
    if (refund && !audited) {
      const { patientId } = await tx.appointment.findUniqueOrThrow({ where: { id: appointmentId }, select: { patientId: true } });
      await recordAudit(tx, {
        actor: "online payment: late refund",
        action: "payment.late-refund",
        entity: "Appointment",
        entityId: appointmentId,
        patientId,
        ipAddress: null,
        detail: { paymentIntentId, refundId: refund.id, amountCents: refund.amount },
      });
    }
    await queueTakenNotice(tx, appointmentId, paymentIntentId);
  });
  return refundedBefore ? "refunded-before" : "refunded";
}
