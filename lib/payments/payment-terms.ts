import { feesApply, onlinePayment, type CancellationPolicy, type OnlinePayment, type PaymentRule, type ServicePayment } from "./rules";

/** What a patient is told about paying for a visit of one service: the rule, what is asked online now, and the fees that apply. */
export interface PaymentTerms {
  rule: PaymentRule;
  /** The deposit as the service stores it (a DEPOSIT rule has exactly one). */
  depositCents: number | null;
  depositPercent: number | null;
  /** What the patient is asked for online when booking, given whether online payment is on. */
  online: OnlinePayment;
  /** The practice's late-cancellation and no-show fees for this visit, in the service's currency; null when none apply. */
  fees: CancellationPolicy | null;
}

/**
 * The terms shown before booking, on the confirmation, the manage page and in
 * the messages. The fees are left out when the rule takes neither money nor a
 * card, and when the practice charges none.
 */
export function paymentTerms(service: ServicePayment, policy: CancellationPolicy, onlineOn: boolean): PaymentTerms {
  const lateFee = policy.lateCancelWindowMinutes > 0 && policy.lateCancelFeeCents > 0;
  const anyFee = lateFee || policy.noShowFeeCents > 0;
  return {
    rule: service.paymentRule,
    depositCents: service.depositCents,
    depositPercent: service.depositPercent,
    online: onlinePayment(service, onlineOn),
    fees: feesApply(service.paymentRule) && anyFee ? { ...policy, lateCancelFeeCents: lateFee ? policy.lateCancelFeeCents : 0 } : null,
  };
}
