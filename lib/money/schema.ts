import { z } from "zod";
import { isInClinicYears, OUT_OF_RANGE_MESSAGE } from "../scheduling/date-bounds";

/**
 * What a payment was for: the ledger's copy of Stride's metadata[purpose].
 * A payment recorded before Stride kept it (or made without it) is read back
 * from how it was made: one taken through a visit's checkout is the
 * booking's, one charged for a visit without a checkout (off-session, to a
 * saved card) is a fee, and one for no visit is another sale.
 */
export const PAYMENT_PURPOSES = ["booking", "fee", "package", "other"] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

export type PaymentStatus = "PENDING" | "SUCCEEDED" | "FAILED";
export type RefundStatus = "PENDING" | "REQUIRES_ACTION" | "SUCCEEDED" | "FAILED" | "CANCELED";

/** Refund states that keep money back from the practice: Stripe counts a pending refund as refunded. */
export const HOLDING_REFUND_STATUSES: readonly RefundStatus[] = ["PENDING", "REQUIRES_ACTION", "SUCCEEDED"];

/** The visit a payment was for: the booking's current row (a reschedule writes a new one). */
export interface MoneyVisit {
  id: string;
  startsAt: Date;
  serviceName: string;
  locationName: string;
  timeZone: string;
}

export interface MoneyRefund {
  id: string;
  at: Date;
  amountCents: number;
  status: RefundStatus;
}

export interface PatientPayment {
  id: string;
  /** When Stride recorded the payment (its first word from Stripe). */
  at: Date;
  amountCents: number | null;
  currency: string | null;
  status: PaymentStatus;
  purpose: PaymentPurpose;
  refundedCents: number;
  visit: MoneyVisit | null;
  refunds: MoneyRefund[];
}

/** Money per currency: what was taken, what was given back, and the difference. */
export interface CurrencyTotals {
  currency: string;
  takenCents: number;
  refundedCents: number;
  netCents: number;
}

export interface PatientPayments {
  payments: PatientPayment[];
  totals: CurrencyTotals[];
}

const localDateSchema = z
  .string({ error: "Use a date as YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "That is not a real date.")
  .refine(isInClinicYears, OUT_OF_RANGE_MESSAGE);

/** The takings list's address: a location and a local date, each defaulted when left out. */
export const takingsQuerySchema = z.object({
  location: z.uuid({ error: "Choose a location from the list." }).optional(),
  date: localDateSchema.optional(),
});
export type TakingsQuery = z.infer<typeof takingsQuerySchema>;

/** One line of a day's takings: a payment taken or a refund given. */
export interface TakingsLine {
  kind: "payment" | "refund";
  /** The payment's (pi_…) or the refund's (re_…) Stripe id. */
  id: string;
  paymentId: string;
  at: Date;
  amountCents: number;
  currency: string;
  purpose: PaymentPurpose;
  patient: { id: string; name: string } | null;
  visit: MoneyVisit | null;
}

export interface Takings {
  location: { id: string; name: string; timeZone: string };
  locations: { id: string; name: string }[];
  /** The local date shown, YYYY-MM-DD in the location's zone. */
  date: string;
  /** Payments and refunds for visits at this location, in time order. */
  lines: TakingsLine[];
  totals: CurrencyTotals[];
  /** Payments and refunds tied to no visit (a package, say), for the whole practice, over the same local day. */
  untied: TakingsLine[];
  untiedTotals: CurrencyTotals[];
}
