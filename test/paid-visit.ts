import Stripe from "stripe";
import { getPrisma } from "../lib/db/client";
import type { FakeStripe } from "../lib/payments/fake-stripe/server";
import { recordPayment } from "../lib/payments/ledger";

/**
 * Pays for a visit on the fake Stripe's checkout, as the booking's checkout
 * does (payment mode keeps the card for later fees; setup mode only saves
 * it), and records on the visit and in the ledger what the webhook would:
 * the payment, and the card with its Customer. Returns the PaymentIntent id
 * (null in setup mode).
 */
export async function payForVisit(
  stripe: Stripe,
  fake: FakeStripe,
  appointmentId: string,
  options: { amountCents: number; currency?: string; mode?: "payment" | "setup"; cardNumber?: string },
): Promise<string | null> {
  const currency = options.currency ?? "usd";
  const metadata = { appointmentId };
  const customer = await stripe.customers.create({ email: "payer@example.com", metadata });
  const common = { customer: customer.id, client_reference_id: appointmentId, metadata: { ...metadata, purpose: "booking" }, success_url: "http://clinic.test/ok", cancel_url: "http://clinic.test/no" };
  const session = await stripe.checkout.sessions.create(
    options.mode === "setup"
      ? { ...common, mode: "setup", currency, setup_intent_data: { metadata } }
      : {
          ...common,
          mode: "payment",
          line_items: [{ quantity: 1, price_data: { currency, unit_amount: options.amountCents, product_data: { name: "Visit" } } }],
          payment_intent_data: { setup_future_usage: "off_session", metadata },
        },
  );
  const outcome = await fake.completeSession(session.id, options.cardNumber ? { cardNumber: options.cardNumber } : undefined);
  if (!outcome.completed) throw new Error(`The fake checkout did not complete: ${JSON.stringify(outcome)}`);
  const done = await stripe.checkout.sessions.retrieve(session.id);
  let methodId: string;
  let intentId: string | null = null;
  if (options.mode === "setup") {
    const setup = await stripe.setupIntents.retrieve(done.setup_intent as string);
    methodId = setup.payment_method as string;
  } else {
    const intent = await stripe.paymentIntents.retrieve(done.payment_intent as string);
    methodId = intent.payment_method as string;
    intentId = intent.id;
    await getPrisma().$transaction((tx) =>
      recordPayment(tx, {
        id: intent.id, amountCents: intent.amount, amountIsFinal: true, currency: intent.currency.toUpperCase(), status: "SUCCEEDED", checkoutSessionId: session.id, appointmentId, customerId: customer.id, purpose: "booking",
      }),
    );
  }
  await getPrisma().appointment.update({ where: { id: appointmentId }, data: { paymentMethodId: methodId, stripeCustomerId: customer.id } });
  return intentId;
}
