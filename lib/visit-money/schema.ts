import { z } from "zod";

// What the visit panel reads of a visit's money, and what the desk sends to
// refund it or charge its fee.

export type FeeKind = "no-show" | "late";

export interface VisitFeeDto {
  kind: FeeKind;
  /** The policy's fee in full. */
  feeCents: number;
  /** What is left to charge to the card: the fee less what the visit's payments already keep. */
  chargeCents: number;
  paid: boolean;
}

export interface VisitMoneyDto {
  appointmentId: string;
  currency: string;
  paidCents: number;
  refundedCents: number;
  netCents: number;
  /** What a refund may still give back. */
  refundableCents: number;
  cardOnFile: boolean;
  payments: { id: string; status: "SUCCEEDED" | "FAILED" | "PENDING"; purpose: string | null; amountCents: number | null; refundedCents: number; createdAt: string }[];
  /** The fee this visit's outcome calls for (missed, or cancelled inside the late window); null when none applies. */
  fee: VisitFeeDto | null;
  /** The last declined attempt to charge the fee, with the card issuer's words; null when none failed since the last success. */
  lastDecline: string | null;
}

export const visitRefundSchema = z.object({
  amountCents: z.number({ error: "Enter the amount to refund in cents." }).int("Enter a whole number of cents.").min(1, "Enter an amount of at least one cent.").max(100_000_000),
  requestKey: z.uuid({ error: "The refund request needs its own key; reload the page." }),
});
export type VisitRefundInput = z.infer<typeof visitRefundSchema>;

export const visitFeeSchema = z.object({
  kind: z.enum(["no-show", "late"], { error: "Say which fee: no-show or late." }),
  requestKey: z.uuid({ error: "The charge request needs its own key; reload the page." }),
});
export type VisitFeeInput = z.infer<typeof visitFeeSchema>;
