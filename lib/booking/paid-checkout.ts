import "server-only";
import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import { stripeClient } from "../payments/stripe-client";
import { appointmentIdOf } from "../payments/schema";
import { registerStripeEventHandler, type StripeEventHandler } from "../payments/webhook";
import { auditHoldLapse } from "./hold-expiry";
import { confirmHoldIn } from "./holds";
import { enqueueLateRefund, queueTakenNotice } from "./late-refund";

// What Stripe's answer about a hold's Checkout Session does to the booking:
// run in the transaction that records the event (lib/payments/mutations.ts),
// after the ledger has recorded the payment, so the event and its effect are
// kept together or not at all, and a redelivery finds the event and does
// nothing again.

type Tx = Prisma.TransactionClient;

/** An id, or the object when an event carries it expanded. */
const reference = z
  .union([z.string().min(1), z.object({ id: z.string().min(1) }).transform((o) => o.id)])
  .nullish()
  .transform((v) => v ?? null);

const bookingSessionSchema = z.object({
  id: z.string().startsWith("cs_"),
  mode: z.string(),
  payment_status: z.string(),
  client_reference_id: z.string().nullish(),
  payment_intent: reference,
  setup_intent: reference,
  customer: reference,
  metadata: z.record(z.string(), z.string()).nullish().transform((m) => m ?? {}),
});
type BookingSession = z.infer<typeof bookingSessionSchema>;

/** The hold a session pays for, when it is one of the booking's own sessions; null for any other checkout. */
function bookingSession(event: { type: string; data: { object: unknown } }): (BookingSession & { holdId: string }) | null {
  const parsed = bookingSessionSchema.safeParse(event.data.object);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", `The ${event.type} event lacks fields Stripe always sends.`, { fields: fieldMessages(parsed.error) });
  const session = parsed.data;
  if (session.metadata.purpose !== "booking") return null;
  const holdId = appointmentIdOf(session.metadata) ?? appointmentIdOf({ appointmentId: session.client_reference_id ?? "" });
  if (!holdId) throw new AppError("VALIDATION_FAILED", `Checkout Session ${session.id} is for a booking but names no held time.`);
  return { ...session, holdId };
}

interface SavedCard {
  paymentMethodId: string | null;
  customerId: string | null;
}

const idOf = (value: string | { id: string } | null | undefined): string | null => (typeof value === "string" ? value : (value?.id ?? null));

/**
 * The card a checkout saved for the visit's fees. A setup-mode session names
 * its SetupIntent only; a payment-mode one saves the card it paid with (the
 * session asks for `setup_future_usage`), named on its PaymentIntent. Either
 * is read from Stripe before any row is locked. A failure throws, so the
 * event is not recorded and Stripe delivers it again.
 */
async function savedCard(session: BookingSession): Promise<SavedCard | null> {
  if (session.mode === "setup" && session.setup_intent) {
    const intent = await stripeClient().setupIntents.retrieve(session.setup_intent);
    return { paymentMethodId: idOf(intent.payment_method), customerId: session.customer ?? idOf(intent.customer) };
  }
  if (session.mode === "payment" && session.payment_intent) {
    const intent = await stripeClient().paymentIntents.retrieve(session.payment_intent);
    // Without a customer the card cannot be charged again: nothing was saved.
    const customerId = session.customer ?? idOf(intent.customer);
    if (!customerId || intent.setup_future_usage !== "off_session") return null;
    return { paymentMethodId: idOf(intent.payment_method), customerId };
  }
  return null;
}

/**
 * Keeps the saved card for the visit's later fees: the PaymentMethod on the
 * visit, with the Customer it is attached to (an off-session charge needs
 * both, and they must belong together), and that Customer on the patient,
 * for later checkouts to save cards to.
 */
async function keepSavedCard(tx: Tx, holdId: string, card: SavedCard): Promise<void> {
  const visit = await tx.appointment.update({ where: { id: holdId }, data: { paymentMethodId: card.paymentMethodId, stripeCustomerId: card.customerId }, select: { patientId: true } });
  if (card.customerId) await tx.patient.updateMany({ where: { id: visit.patientId, stripeCustomerId: null }, data: { stripeCustomerId: card.customerId } });
}

/**
 * The patient paid (or saved their card) for a held time: book it. A hold
 * still free books and queues the confirmation; one booked already changes
 * nothing; one whose time someone took while they paid is refunded in full
 * and the patient told (a job queued here, run once).
 */
const onBookingCheckoutCompleted: StripeEventHandler<"checkout.session.completed" | "checkout.session.async_payment_succeeded"> = async (tx, event) => {
  const session = bookingSession(event);
  if (!session) return;
  // A payment still on its way (a bank debit) books when it arrives
  // (checkout.session.async_payment_succeeded, which comes here too), not before.
  if (session.payment_status !== "paid" && session.payment_status !== "no_payment_required") return;
  const card = await savedCard(session);
  const result = await confirmHoldIn(tx, session.holdId, new Date());
  if (card) await keepSavedCard(tx, session.holdId, card);
  if (result.outcome !== "taken") return;
  if (session.mode === "payment" && session.payment_intent) {
    await enqueueLateRefund(tx, { appointmentId: session.holdId, paymentIntentId: session.payment_intent });
  } else {
    // Only a card was saved: nothing to refund, and the patient is told now.
    await queueTakenNotice(tx, session.holdId, session.id);
  }
};

/**
 * A hold's checkout closed unpaid (Stride expired it, Stripe did, or a bank
 * debit it started failed): the
 * time is given back now if the hold still keeps it. Only the hold's own
 * session does this; a booked or lapsed hold is left as it is.
 */
const onBookingCheckoutExpired: StripeEventHandler<"checkout.session.expired" | "checkout.session.async_payment_failed"> = async (tx, event) => {
  const session = bookingSession(event);
  if (!session) return;
  const lapsed = await tx.appointment.updateMany({
    where: { id: session.holdId, status: "HELD", OR: [{ checkoutSessionId: session.id }, { checkoutSessionId: null }] },
    data: { status: "LAPSED" },
  });
  if (lapsed.count === 0) return;
  const hold = await tx.appointment.findUniqueOrThrow({ where: { id: session.holdId }, select: { id: true, patientId: true } });
  await auditHoldLapse(tx, hold, "checkout-expired");
};

/** Adds the booking's part of the checkout events; the webhook route imports this module. */
export function registerBookingPaymentHandlers(): void {
  registerStripeEventHandler("checkout.session.completed", onBookingCheckoutCompleted);
  registerStripeEventHandler("checkout.session.async_payment_succeeded", onBookingCheckoutCompleted);
  registerStripeEventHandler("checkout.session.expired", onBookingCheckoutExpired);
  registerStripeEventHandler("checkout.session.async_payment_failed", onBookingCheckoutExpired);
}

registerBookingPaymentHandlers();
