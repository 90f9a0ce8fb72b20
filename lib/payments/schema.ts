import { z } from "zod";

// What Stride reads of Stripe's webhook events: only the fields its effects
// use, so a field Stripe adds or a version change elsewhere cannot refuse an
// event. Money is an integer in the currency's smallest unit.

const cents = z.number().int().min(0).max(99_999_999_999);
const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/)
  .transform((c) => c.toUpperCase());
/** An id, or the object when an event carries it expanded. */
const reference = (prefix: string) =>
  z.union([z.string().startsWith(prefix), z.object({ id: z.string().startsWith(prefix) }).transform((o) => o.id)]).nullish().transform((v) => v ?? null);
const metadata = z.record(z.string(), z.string()).nullish().transform((m) => m ?? {});

export const stripeEventSchema = z.object({
  id: z.string().regex(/^evt_[A-Za-z0-9_]{1,250}$/),
  type: z.string().min(1).max(100),
  created: z.number().int().min(0),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEventEnvelope = z.infer<typeof stripeEventSchema>;

export const paymentIntentSchema = z.object({
  id: z.string().regex(/^pi_[A-Za-z0-9_]+$/),
  amount: cents,
  amount_received: cents.nullish(),
  currency,
  status: z.string(),
  customer: reference("cus_"),
  metadata,
});

export const checkoutSessionSchema = z.object({
  id: z.string().startsWith("cs_"),
  mode: z.string(),
  payment_status: z.string(),
  payment_intent: reference("pi_"),
  amount_total: cents.nullish(),
  currency: currency.nullish(),
  customer: reference("cus_"),
  metadata,
});

export const refundSchema = z.object({
  id: z.string().regex(/^(re|pyr)_[A-Za-z0-9_]+$/),
  amount: cents,
  payment_intent: reference("pi_"),
  status: z.enum(["pending", "requires_action", "succeeded", "failed", "canceled"]).transform((s) => s.toUpperCase() as Uppercase<typeof s>),
});

export const chargeSchema = z.object({
  id: z.string().startsWith("ch_"),
  amount: cents,
  currency,
  payment_intent: reference("pi_"),
  customer: reference("cus_"),
  status: z.string(),
});

/** The visit a payment is for, when its metadata names one in the form Stride writes it. */
export function appointmentIdOf(meta: Record<string, string>): string | null {
  const parsed = z.uuid().safeParse(meta.appointmentId);
  return parsed.success ? parsed.data : null;
}

/** What Stride's own metadata says a payment was for; anything else is not Stride's word. */
export function purposeOf(meta: Record<string, string>): "booking" | "fee" | "package" | null {
  const parsed = z.enum(["booking", "fee", "package"]).safeParse(meta.purpose);
  return parsed.success ? parsed.data : null;
}
