import "server-only";
import Stripe from "stripe";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { bookingMoney, refundable } from "../payments/booking-money";
import { recordPayment, recordRefund } from "../payments/ledger";
import { refundSchema } from "../payments/schema";
import { stripeClient } from "../payments/stripe-client";
import { findFeePolicy } from "../practice/data";
import { feeFor, staffMoney, visitMoneyIn, withBookingLock } from "./data";
import type { VisitFeeInput, VisitMoneyDto, VisitRefundInput } from "./schema";

// The desk's money actions on a visit: refunds and fee charges, each merged
// into the ledger from Stripe's answer at once and audited.

/** Stripe's idempotency key for one payment's part of a desk refund: the request's own key, so a resent request refunds once. */
export const staffRefundKey = (requestKey: string, paymentIntentId: string) => `staff-refund:${requestKey}:${paymentIntentId}`;

/**
 * The desk gives back part or all of what a booking paid, drawn from its
 * payments oldest first, never beyond what remains of each. Each part is
 * merged into the ledger from Stripe's answer at once (the webhook that
 * follows finds it there and changes nothing) and audited. The same request
 * key again (a double click, a resent request) finds its refund made and
 * answers the money as it is.
 */
export async function refundVisit(staff: StaffMember, appointmentId: string, input: VisitRefundInput, ctx: RequestContext): Promise<VisitMoneyDto> {
  return withBookingLock(appointmentId, async (tx, visit) => {
    const made = await tx.auditLog.count({ where: { action: "payment.refund", entityId: appointmentId, detail: { path: ["requestKey"], equals: input.requestKey } } });
    if (made > 0) return visitMoneyIn(tx, appointmentId);

    const money = await bookingMoney(visit.bookingId, tx);
    const sources = refundable(money);
    const left = sources.reduce((sum, s) => sum + s.remainingCents, 0);
    if (left === 0) throw new AppError("INVALID_TRANSITION", "Nothing is left to refund on this visit.");
    if (input.amountCents > left) {
      const most = staffMoney(left, money.currency);
      throw new AppError("VALIDATION_FAILED", `At most ${most} can be refunded on this visit.`, { fields: { amountCents: `Enter at most ${most}.` } });
    }

    let rest = input.amountCents;
    for (const source of sources) {
      if (rest === 0) break;
      const amount = Math.min(rest, source.remainingCents);
      let refund: Stripe.Refund;
      try {
        refund = await stripeClient().refunds.create(
          { payment_intent: source.paymentIntentId, amount, reason: "requested_by_customer", metadata: { appointmentId, purpose: "staff-refund" } },
          { idempotencyKey: staffRefundKey(input.requestKey, source.paymentIntentId) },
        );
      } catch (error) {
        if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError) {
          throw new AppError("PAYMENT_UNAVAILABLE", "Stripe could not be reached; nothing more was refunded. Try again in a moment.");
        }
        if (error instanceof Stripe.errors.StripeError) throw new AppError("INVALID_TRANSITION", `Stripe refused the refund: ${error.message}`);
        throw error;
      }
      await recordRefund(tx, refundSchema.parse(refund));
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: "payment.refund",
        entity: "Appointment",
        entityId: appointmentId,
        patientId: visit.patientId,
        ipAddress: ctx.ipAddress,
        detail: { requestKey: input.requestKey, paymentIntentId: source.paymentIntentId, refundId: refund.id, amountCents: refund.amount },
      });
      rest -= refund.amount;
    }
    return visitMoneyIn(tx, appointmentId);
  });
}

const FEE_WORDS = { "no-show": "no-show fee", late: "late-cancellation fee" } as const;

/**
 * Stripe's idempotency key for one attempt at a fee: the attempt is the
 * number of attempts recorded before it, so a resent request is the same
 * charge while a deliberate retry after a decline is a new one.
 */
export const feeKey = (appointmentId: string, kind: string, attempt: number) => `fee:${appointmentId}:${kind}:${attempt}`;

type Attempt = { outcome: "paid"; paymentIntentId: string; amountCents: number } | { outcome: "declined"; paymentIntentId: string | null; decline: string };

/**
 * The desk charges a missed visit's no-show fee, or a late cancellation's
 * fee, to the card saved for the visit: an off-session PaymentIntent for the
 * policy's fee less what the visit's payments already keep. A declined card
 * is recorded (a FAILED payment and an audit entry) and answered 402 with the
 * issuer's words; Stride never retries it by itself. Attempts on one booking
 * run one at a time; the same request key again answers the first's outcome.
 */
export async function chargeVisitFee(staff: StaffMember, appointmentId: string, input: VisitFeeInput, ctx: RequestContext): Promise<VisitMoneyDto> {
  const attempt = await withBookingLock(appointmentId, async (tx, visit): Promise<Attempt | null> => {
    const earlier = await tx.auditLog.findFirst({
      where: { action: { in: ["payment.fee-charge", "payment.fee-declined"] }, entityId: appointmentId, detail: { path: ["requestKey"], equals: input.requestKey } },
      select: { action: true },
    });
    if (earlier) return null;

    const money = await bookingMoney(visit.bookingId, tx);
    const fee = feeFor(visit, money, await findFeePolicy(tx));
    if (!fee || fee.kind !== input.kind) throw new AppError("INVALID_TRANSITION", `No ${FEE_WORDS[input.kind]} applies to this visit.`);
    if (fee.paid) throw new AppError("INVALID_TRANSITION", `The ${FEE_WORDS[fee.kind]} of this visit is paid already.`);
    if (fee.chargeCents === 0) throw new AppError("INVALID_TRANSITION", `What the patient paid already covers the ${FEE_WORDS[fee.kind]}: there is nothing to charge.`);
    if (!money.cardOnFile) throw new AppError("INVALID_TRANSITION", "No card is saved for this visit: ask the patient to pay the fee at the clinic.");

    const tries = await tx.auditLog.count({ where: { action: { in: ["payment.fee-charge", "payment.fee-declined"] }, entityId: appointmentId, detail: { path: ["kind"], equals: fee.kind } } });
    const metadata = { purpose: "fee", appointmentId, kind: fee.kind };
    const audit = { staffUserId: staff.id, actor: staff.email, entity: "Appointment", entityId: appointmentId, patientId: visit.patientId, ipAddress: ctx.ipAddress };
    try {
      const intent = await stripeClient().paymentIntents.create(
        {
          amount: fee.chargeCents,
          currency: money.currency.toLowerCase(),
          customer: money.cardOnFile.customerId,
          payment_method: money.cardOnFile.paymentMethodId,
          confirm: true,
          off_session: true,
          description: `The ${FEE_WORDS[fee.kind]}`,
          metadata,
        },
        { idempotencyKey: feeKey(appointmentId, fee.kind, tries) },
      );
      await recordPayment(tx, {
        id: intent.id, amountCents: intent.amount_received || intent.amount, amountIsFinal: intent.status === "succeeded", currency: intent.currency.toUpperCase(),
        status: intent.status === "succeeded" ? "SUCCEEDED" : "PENDING", checkoutSessionId: null, appointmentId, customerId: money.cardOnFile.customerId, purpose: "fee",
      });
      await recordAudit(tx, { ...audit, action: "payment.fee-charge", detail: { requestKey: input.requestKey, kind: fee.kind, attempt: tries, paymentIntentId: intent.id, amountCents: intent.amount } });
      return { outcome: "paid", paymentIntentId: intent.id, amountCents: intent.amount };
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeCardError)) {
        if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError) {
          throw new AppError("PAYMENT_UNAVAILABLE", "Stripe could not be reached; nothing was charged. Try again in a moment.");
        }
        throw error;
      }
      // The decline is kept, with the attempt it used up, so the next deliberate try is a new charge.
      const intent = (error.raw as { payment_intent?: { id?: string } }).payment_intent;
      const paymentIntentId = intent?.id ?? null;
      if (paymentIntentId) {
        await recordPayment(tx, {
          id: paymentIntentId, amountCents: fee.chargeCents, amountIsFinal: false, currency: money.currency, status: "FAILED", checkoutSessionId: null, appointmentId, customerId: money.cardOnFile.customerId, purpose: "fee",
        });
      }
      await recordAudit(tx, { ...audit, action: "payment.fee-declined", detail: { requestKey: input.requestKey, kind: fee.kind, attempt: tries, paymentIntentId, amountCents: fee.chargeCents, decline: error.message, code: error.decline_code ?? error.code ?? null } });
      return { outcome: "declined", paymentIntentId, decline: error.message };
    }
  });
  if (attempt?.outcome === "declined") {
    const money = await getPrisma().$transaction((tx) => visitMoneyIn(tx, appointmentId));
    throw new AppError("PAYMENT_DECLINED", `The card on file was declined: ${attempt.decline} Nothing was charged: ask the patient for another way to pay the ${staffMoney(money.fee?.chargeCents ?? 0, money.currency)}.`);
  }
  return getPrisma().$transaction((tx) => visitMoneyIn(tx, appointmentId));
}
