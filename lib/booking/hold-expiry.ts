import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { enqueueJob, type SqlExecutor } from "../jobs/queue";
import { isOnlinePaymentOn } from "../payments/config";
import { stripeClient } from "../payments/stripe-client";

// A held time that runs out closes its checkout: Stripe keeps a Checkout
// Session open for at least 30 minutes, longer than a time is held, so Stride
// expires it itself, and a patient cannot pay for a time no longer kept.

export const HOLD_EXPIRY_TASK = "hold-expiry";

/** Who lapses a hold when its time runs out or its checkout closes. */
export const HOLD_LAPSE_ACTOR = "online payment: hold expiry";

/** Audits a hold given back, in the transaction that lapsed it. */
export async function auditHoldLapse(tx: Prisma.TransactionClient, hold: { id: string; patientId: string }, why: "expiry" | "sweep" | "checkout-expired"): Promise<void> {
  await recordAudit(tx, { actor: HOLD_LAPSE_ACTOR, action: "appointment.hold-lapse", entity: "Appointment", entityId: hold.id, patientId: hold.patientId, ipAddress: null, detail: { why } });
}

const payloadSchema = z.object({ holdId: z.uuid() });

/**
 * Schedules the hold's end at its expiry, inside the caller's transaction:
 * once per hold (the job key), so scheduling again only moves the time.
 * Called as the hold is written, and safe to call again where its Checkout
 * Session is recorded.
 */
export async function scheduleHoldExpiry(tx: SqlExecutor, holdId: string, expiresAt: Date): Promise<void> {
  await enqueueJob(tx, HOLD_EXPIRY_TASK, { holdId }, { runAt: expiresAt, jobKey: `hold-expiry:${holdId}`, maxAttempts: 25 });
}

/**
 * Expires a Checkout Session; one already completed or expired is as good:
 * either way nobody can pay through it any more.
 */
export async function expireCheckoutSession(sessionId: string): Promise<void> {
  // Online payment was turned off since: Stripe cannot be asked, and the session closes by itself at its own expiry.
  if (!isOnlinePaymentOn()) return;
  try {
    await stripeClient().checkout.sessions.expire(sessionId);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && (error.code === "checkout_session_not_open" || /status in \["open"\]/.test(error.message))) return;
    throw error;
  }
}

export type HoldExpiryOutcome = "expired" | "booked" | "not-yet" | "gone";

/**
 * The hold's time ran out: decided now, under the row's lock. Still HELD and
 * past its expiry → LAPSED, and its checkout expired. Lapsed already (the
 * patient left, a sweep, or someone took the time) → its checkout expired.
 * Booked → nothing: the payment came in time. Still HELD and not expired
 * (its expiry moved) → scheduled again for then.
 */
export async function runHoldExpiry(payload: unknown): Promise<HoldExpiryOutcome> {
  const { holdId } = payloadSchema.parse(payload);
  const decided = await getPrisma().$transaction(async (tx: Prisma.TransactionClient) => {
    // Expiry is judged on the database's clock, as the constraint trigger judges it.
    const lapsed = await tx.$executeRaw`
      UPDATE "Appointment" SET "status" = 'LAPSED', "updatedAt" = clock_timestamp()
       WHERE "id" = ${holdId}::uuid AND "status" = 'HELD' AND "holdExpiresAt" <= clock_timestamp()`;
    const row = await tx.appointment.findUnique({ where: { id: holdId }, select: { status: true, holdExpiresAt: true, checkoutSessionId: true, patientId: true } });
    if (!row) return { outcome: "gone" as const };
    if (lapsed > 0) await auditHoldLapse(tx, { id: holdId, patientId: row.patientId }, "expiry");
    if (row.status === "HELD") {
      await scheduleHoldExpiry(tx, holdId, row.holdExpiresAt!);
      return { outcome: "not-yet" as const };
    }
    if (row.status !== "LAPSED") return { outcome: "booked" as const };
    return { outcome: "expired" as const, sessionId: row.checkoutSessionId };
  });
  // Outside the transaction: Stripe is not asked while a row is locked. A failure throws, and the queue tries again.
  if (decided.outcome === "expired" && decided.sessionId) await expireCheckoutSession(decided.sessionId);
  return decided.outcome;
}
