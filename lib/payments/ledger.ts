import "server-only";
import type Stripe from "stripe";
import type { z } from "zod";
import type { PaymentRefundStatus, PaymentStatus, Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import { appointmentIdOf, chargeSchema, purposeOf, checkoutSessionSchema, paymentIntentSchema, refundSchema } from "./schema";
import type { StripeEventHandler } from "./webhook";

// The payment ledger that Stripe's webhooks keep: one Payment per
// PaymentIntent, one PaymentRefund per refund. Stripe sends events at least
// once and in no promised order, so every write merges what it knows into
// what is there, and the final rows are the same whatever the order.

type Tx = Prisma.TransactionClient;

function parseObject<S extends z.ZodType>(schema: S, event: { type: string; data: { object: unknown } }): z.infer<S> {
  const parsed = schema.safeParse(event.data.object);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", `The ${event.type} event lacks fields Stripe always sends.`, { fields: fieldMessages(parsed.error) });
  }
  return parsed.data;
}

interface PaymentFacts {
  id: string;
  amountCents: number | null;
  /** The amount is the payment's own (a PaymentIntent that succeeded), not a figure another object repeats. */
  amountIsFinal: boolean;
  currency: string | null;
  status: PaymentStatus;
  checkoutSessionId: string | null;
  appointmentId: string | null;
  customerId: string | null;
  purpose?: string | null;
}

interface PaymentRow {
  amountCents: number | null;
  currency: string | null;
  status: PaymentStatus;
  refundedCents: number;
  checkoutSessionId: string | null;
  appointmentId: string | null;
  customerId: string | null;
  purpose: string | null;
}

/**
 * The payment's row, created if this is the first word of it, and locked:
 * every writer of a payment and its refunds takes this lock first, so two
 * events about one payment (a completion and a refund, say) are merged one
 * after the other and the refund total is summed over committed rows.
 */
async function lockPayment(tx: Tx, id: string, status: PaymentStatus): Promise<PaymentRow> {
  await tx.$executeRaw`INSERT INTO "Payment" ("id", "status") VALUES (${id}, ${status}::"PaymentStatus") ON CONFLICT ("id") DO NOTHING`;
  const [row] = await tx.$queryRaw<PaymentRow[]>`
    SELECT "amountCents", "currency", "status"::text AS "status", "refundedCents", "checkoutSessionId", "appointmentId"::text AS "appointmentId", "customerId", "purpose"
      FROM "Payment" WHERE "id" = ${id} FOR UPDATE`;
  return row!;
}

/** A payment that succeeded stays so; a later attempt's decline or a stub's guess does not undo it. */
function mergedStatus(current: PaymentStatus, incoming: PaymentStatus): PaymentStatus {
  if (current === "SUCCEEDED" || incoming === "SUCCEEDED") return "SUCCEEDED";
  return incoming === "PENDING" ? current : incoming;
}

export async function recordPayment(tx: Tx, facts: PaymentFacts): Promise<void> {
  const row = await lockPayment(tx, facts.id, facts.status);
  const amountCents = facts.amountIsFinal && facts.amountCents !== null ? facts.amountCents : (row.amountCents ?? facts.amountCents);
  if (amountCents !== null && row.refundedCents > amountCents) {
    throw new AppError("VALIDATION_FAILED", `Stripe reports ${facts.id} as ${amountCents} cents, less than the ${row.refundedCents} cents already refunded; nothing was recorded.`);
  }
  await tx.payment.update({
    where: { id: facts.id },
    data: {
      amountCents,
      currency: row.currency ?? facts.currency,
      status: mergedStatus(row.status, facts.status),
      checkoutSessionId: row.checkoutSessionId ?? facts.checkoutSessionId,
      appointmentId: row.appointmentId ?? facts.appointmentId,
      customerId: row.customerId ?? facts.customerId,
      purpose: row.purpose ?? facts.purpose ?? null,
    },
  });
}

const REFUND_RANK: Record<PaymentRefundStatus, number> = { PENDING: 0, REQUIRES_ACTION: 1, SUCCEEDED: 2, FAILED: 3, CANCELED: 3 };
/** Refunds that hold money back from the payment: Stripe counts a pending refund as refunded. */
const HOLDING: PaymentRefundStatus[] = ["PENDING", "REQUIRES_ACTION", "SUCCEEDED"];

export async function recordRefund(tx: Tx, refund: z.infer<typeof refundSchema>): Promise<void> {
  if (!refund.payment_intent) return; // A refund of a charge made without a PaymentIntent is none of Stride's.
  // A refund means the payment succeeded, even when its own event is still on its way.
  const payment = await lockPayment(tx, refund.payment_intent, "SUCCEEDED");
  const existing = await tx.paymentRefund.findUnique({ where: { id: refund.id }, select: { status: true, paymentIntentId: true } });
  if (existing && existing.paymentIntentId !== refund.payment_intent) {
    throw new AppError("VALIDATION_FAILED", `Refund ${refund.id} is recorded against another payment; nothing was recorded.`);
  }
  // Stripe's refund moves pending → succeeded → (rarely) failed, never back: an older event that arrives late changes nothing.
  const status = existing && REFUND_RANK[existing.status] > REFUND_RANK[refund.status] ? existing.status : refund.status;
  await tx.paymentRefund.upsert({
    where: { id: refund.id },
    create: { id: refund.id, paymentIntentId: refund.payment_intent, amountCents: refund.amount, status },
    update: { amountCents: refund.amount, status },
  });
  const [{ total }] = await tx.$queryRaw<[{ total: number }]>`
    SELECT COALESCE(SUM("amountCents"), 0)::int AS "total" FROM "PaymentRefund"
     WHERE "paymentIntentId" = ${refund.payment_intent} AND "status"::text = ANY(${HOLDING})`;
  if (payment.amountCents !== null && total > payment.amountCents) {
    throw new AppError("VALIDATION_FAILED", `Refunds of ${refund.payment_intent} would come to ${total} cents, more than its ${payment.amountCents} cents; nothing was recorded.`);
  }
  await tx.payment.update({ where: { id: refund.payment_intent }, data: { refundedCents: total } });
}

const onPaymentIntent = (status: PaymentStatus): StripeEventHandler<"payment_intent.succeeded" | "payment_intent.payment_failed"> =>
  async (tx, event) => {
    const intent = parseObject(paymentIntentSchema, event);
    await recordPayment(tx, {
      id: intent.id,
      amountCents: status === "SUCCEEDED" ? (intent.amount_received ?? intent.amount) : intent.amount,
      amountIsFinal: status === "SUCCEEDED",
      currency: intent.currency,
      status,
      checkoutSessionId: null,
      appointmentId: appointmentIdOf(intent.metadata),
      customerId: intent.customer,
      purpose: purposeOf(intent.metadata),
    });
  };

const onCheckoutCompleted: StripeEventHandler<"checkout.session.completed" | "checkout.session.async_payment_succeeded"> = async (tx, event) => {
  const session = parseObject(checkoutSessionSchema, event);
  // Setup mode saves a card and takes no money: nothing for the ledger.
  if (session.mode !== "payment" || !session.payment_intent) return;
  await recordPayment(tx, {
    id: session.payment_intent,
    amountCents: session.amount_total ?? null,
    amountIsFinal: false,
    currency: session.currency ?? null,
    status: session.payment_status === "paid" ? "SUCCEEDED" : "PENDING",
    checkoutSessionId: session.id,
    appointmentId: appointmentIdOf(session.metadata),
    customerId: session.customer,
    purpose: purposeOf(session.metadata),
  });
};

const onChargeRefunded: StripeEventHandler<"charge.refunded"> = async (tx, event) => {
  const charge = parseObject(chargeSchema, event);
  if (!charge.payment_intent) return;
  // A refunded charge was paid, and carries the payment's amount.
  await recordPayment(tx, {
    id: charge.payment_intent, amountCents: charge.amount, amountIsFinal: false, currency: charge.currency, status: "SUCCEEDED", checkoutSessionId: null, appointmentId: null, customerId: charge.customer,
  });
};

const onRefund: StripeEventHandler<"refund.created" | "refund.updated" | "refund.failed" | "charge.refund.updated"> = async (tx, event) => {
  await recordRefund(tx, parseObject(refundSchema, event));
};

/** Adds the ledger's part of each event type; lib/payments/webhook.ts runs them in the event's transaction. */
export function registerLedgerHandlers(register: <T extends Stripe.Event.Type>(type: T, handler: StripeEventHandler<T>) => void): void {
  register("payment_intent.succeeded", onPaymentIntent("SUCCEEDED"));
  register("payment_intent.payment_failed", onPaymentIntent("FAILED"));
  register("checkout.session.completed", onCheckoutCompleted);
  // A bank debit's checkout completes unpaid and is paid later, in this event.
  register("checkout.session.async_payment_succeeded", onCheckoutCompleted);
  register("charge.refunded", onChargeRefunded);
  for (const type of ["refund.created", "refund.updated", "refund.failed", "charge.refund.updated"] as const) register(type, onRefund);
}
