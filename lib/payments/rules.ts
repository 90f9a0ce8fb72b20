import { z } from "zod";

// What a service asks of the patient online, and what a cancellation or a
// missed visit costs. Pure: the caller passes the service, the policy, the
// instants and whether online payment is on, and gets plain values back.

export const PAYMENT_RULES = ["NONE", "FULL", "DEPOSIT", "CARD_ON_FILE"] as const;
export type PaymentRule = (typeof PAYMENT_RULES)[number];

const cents = z.number().int().min(0).max(100_000_000);

/** A service's price and rule as stored (the database's CHECKs hold the same shape). */
export const servicePaymentSchema = z
  .object({
    priceCents: cents,
    currency: z.string().length(3),
    paymentRule: z.enum(PAYMENT_RULES),
    depositCents: z.number().int().min(1).nullable(),
    depositPercent: z.number().int().min(1).max(100).nullable(),
  })
  .refine((s) => (s.paymentRule === "DEPOSIT" ? (s.depositCents === null) !== (s.depositPercent === null) : s.depositCents === null && s.depositPercent === null), {
    message: "A deposit is an amount or a percent of the price, and only a deposit rule has one.",
  })
  .refine((s) => s.depositCents === null || s.depositCents <= s.priceCents, { message: "A deposit is at most the price." })
  .refine((s) => s.priceCents > 0 || s.paymentRule === "NONE" || s.paymentRule === "CARD_ON_FILE", {
    message: "A free service cannot be paid in full or by deposit: there is nothing to pay.",
  });
export type ServicePayment = z.infer<typeof servicePaymentSchema>;

/** The practice's cancellation policy as stored. */
export const cancellationPolicySchema = z.object({
  lateCancelWindowMinutes: z.number().int().min(0),
  lateCancelFeeCents: cents,
  noShowFeeCents: cents,
});
export type CancellationPolicy = z.infer<typeof cancellationPolicySchema>;

/** The database's defaults, for a practice not saved yet: a day's window, no fees. */
export const NO_FEES: CancellationPolicy = { lateCancelWindowMinutes: 1440, lateCancelFeeCents: 0, noShowFeeCents: 0 };

/** What the patient is asked for online when booking. */
export type OnlinePayment =
  /** A free service without a card: nothing at all. */
  | { kind: "nothing" }
  /** The price is paid where the visit happens (the NONE rule, or online payment is off). */
  | { kind: "at-clinic" }
  | { kind: "full"; amountCents: number }
  /** Part now; the rest (possibly zero, for a 100 % deposit) where the visit happens. */
  | { kind: "deposit"; amountCents: number; restCents: number }
  /** A card is saved for the fees; the price, if any, is paid where the visit happens. */
  | { kind: "card" }
  /**
   * A visit booked with a package of visits: nothing is paid for it, and a
   * cancellation inside the late window (or a missed visit) uses it up.
   * Never what a service asks; a booked visit's terms say it.
   */
  | { kind: "package"; lateCancelWindowMinutes: number };

/**
 * A percent deposit in whole cents: half a cent rounds up (integer
 * arithmetic, no floating point), and a deposit is never below one cent.
 */
export function depositAmountCents(priceCents: number, deposit: { depositCents: number | null; depositPercent: number | null }): number {
  if (deposit.depositCents !== null) return Math.min(deposit.depositCents, priceCents);
  const percent = deposit.depositPercent ?? 100;
  return Math.min(priceCents, Math.max(1, Math.floor((priceCents * percent + 50) / 100)));
}

/**
 * What the patient is asked for online. When online payment is off no card
 * can be saved and nothing can be taken, so every paid service is paid at the
 * clinic and a free one costs nothing.
 */
export function onlinePayment(service: ServicePayment, onlineOn: boolean): OnlinePayment {
  const s = servicePaymentSchema.parse(service);
  const paid = s.priceCents > 0;
  if (!onlineOn || s.paymentRule === "NONE") return paid ? { kind: "at-clinic" } : { kind: "nothing" };
  switch (s.paymentRule) {
    case "FULL":
      return { kind: "full", amountCents: s.priceCents };
    case "DEPOSIT": {
      const amountCents = depositAmountCents(s.priceCents, s);
      return { kind: "deposit", amountCents, restCents: s.priceCents - amountCents };
    }
    case "CARD_ON_FILE":
      return { kind: "card" };
  }
}

/**
 * Whether the practice's fees apply to visits of this service. A service with
 * the NONE rule takes neither money nor a card, so nothing could pay a fee;
 * every other rule does, and the policy is shown for it even while online
 * payment is off, because the practice may still ask for the fee at the clinic.
 */
export function feesApply(rule: PaymentRule): boolean {
  return rule !== "NONE";
}

export interface CancellationOutcome {
  /** Which fee applies: none, the late-cancellation fee or the no-show fee. */
  fee: "none" | "late" | "no-show";
  /** The fee in full, in the visit's service currency. */
  feeCents: number;
  /** Of what was paid, kept towards the fee. */
  keptCents: number;
  /** Of what was paid, given back. */
  refundCents: number;
  /** The rest of the fee, beyond what was paid: for the card on file, if the visit has one. */
  chargeCents: number;
}

const cancellationSchema = z.object({
  paidCents: cents,
  startsAt: z.date().refine((d) => !Number.isNaN(d.getTime()), "Invalid start."),
  cancelledAt: z.date().refine((d) => !Number.isNaN(d.getTime()), "Invalid cancellation time."),
});

function outcome(fee: CancellationOutcome["fee"], feeCents: number, paidCents: number): CancellationOutcome {
  const keptCents = Math.min(feeCents, paidCents);
  return { fee, feeCents, keptCents, refundCents: paidCents - keptCents, chargeCents: feeCents - keptCents };
}

/**
 * A cancellation: inside the late window the late fee is kept and the rest
 * refunded; outside it, everything is refunded. The window is elapsed time
 * (milliseconds between the two instants), not wall-clock hours, so a clock
 * change the night before neither widens nor narrows it. A cancellation at or
 * after the start is inside any window longer than zero.
 */
export function cancellationOutcome(policy: CancellationPolicy, input: { paidCents: number; startsAt: Date; cancelledAt: Date }): CancellationOutcome {
  const p = cancellationPolicySchema.parse(policy);
  const { paidCents, startsAt, cancelledAt } = cancellationSchema.parse(input);
  const late = startsAt.getTime() - cancelledAt.getTime() < p.lateCancelWindowMinutes * 60_000;
  if (!late || p.lateCancelFeeCents === 0) return outcome("none", 0, paidCents);
  return outcome("late", p.lateCancelFeeCents, paidCents);
}

/** A missed visit keeps the no-show fee and refunds the rest of what was paid. */
export function noShowOutcome(policy: CancellationPolicy, input: { paidCents: number }): CancellationOutcome {
  const p = cancellationPolicySchema.parse(policy);
  const { paidCents } = z.object({ paidCents: cents }).parse(input);
  if (p.noShowFeeCents === 0) return outcome("none", 0, paidCents);
  return outcome("no-show", p.noShowFeeCents, paidCents);
}
