import "server-only";
import type Stripe from "stripe";
import { findService } from "./data";
import { createHold, releaseHold } from "./holds";
import { hashManageToken, looksLikeManageToken } from "./manage-token";
import { replayForm, type FormReplay } from "./mutations";
import type { BookingCreatedDto, PaymentRequiredDto } from "./api-types";
import type { CreateBookingInput } from "./schema";
import { isVisitStatus } from "../db/appointment-status";
import { getPrisma } from "../db/client";
import { getEnv, publicBaseUrl } from "../env";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { translator } from "../i18n/catalog";
import { formatDay, formatTime } from "../i18n/format-date-time";
import type { Language } from "../i18n/languages";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import { isOnlinePaymentOn } from "../payments/config";
import { onlinePayment, type OnlinePayment } from "../payments/rules";
import { stripeClient } from "../payments/stripe-client";

/** What a booking asks at Stripe's checkout: money now, or a card saved for the practice's fees. */
export type CheckoutPayment = Extract<OnlinePayment, { kind: "full" | "deposit" | "card" }>;

const MINUTE_S = 60;
/** Stripe's shortest Checkout Session: Stride expires it itself when the (shorter) hold lapses. */
const SESSION_MINUTES = 30;
/** Room for the replay of a form a little later than the first request, so both ask Stripe the same thing. */
const SESSION_MARGIN_S = 60;

export const PAYMENT_UNAVAILABLE_MESSAGE = "Online payment is not available right now. Please try again in a few minutes, or call us.";

/** What the service asks online, or null when the booking is made as it always was (free, NONE, or payment off). */
export async function checkoutPaymentFor(serviceIdOrSlug: string): Promise<{ payment: CheckoutPayment; currency: string } | null> {
  const service = await findService(serviceIdOrSlug);
  const payment = onlinePayment(service, isOnlinePaymentOn());
  if (payment.kind === "full" || payment.kind === "deposit" || payment.kind === "card") return { payment, currency: service.currency };
  return null;
}

/** Everything Stripe is told about a hold, from the hold itself or from its replay, so both ask the same. */
interface HoldFacts {
  holdId: string;
  start: string;
  timeZone: string;
  language: Language;
  serviceName: { en: string; es: string };
  currency: string;
  holdExpiresAt: Date;
  email: string;
}

/**
 * Creates (or, for the same hold, finds again) the Checkout Session that pays
 * for a hold. Every parameter is derived from the hold, never from the clock,
 * so a second call for the same hold sends Stripe the identical request under
 * the same idempotency key and gets the same session back. The manage token
 * never goes to Stripe: the way back is the patient's own tab.
 */
export async function startCheckout(hold: HoldFacts, payment: CheckoutPayment): Promise<Stripe.Checkout.Session> {
  const stripe = stripeClient();
  const holdMinutes = getEnv().PAYMENT_HOLD_MINUTES;
  const heldAt = Math.floor(hold.holdExpiresAt.getTime() / 1000) - holdMinutes * MINUTE_S;
  const expiresAt = heldAt + Math.max(holdMinutes, SESSION_MINUTES) * MINUTE_S + SESSION_MARGIN_S;
  const base = `${publicBaseUrl()}/${hold.language}/book`;
  const metadata = { appointmentId: hold.holdId };
  // The customer keeps the card for a later no-show or late-cancellation fee.
  const customer = await stripe.customers.create({ email: hold.email, metadata }, { idempotencyKey: `customer:${hold.holdId}` });
  const common = {
    customer: customer.id,
    client_reference_id: hold.holdId,
    metadata: { ...metadata, purpose: "booking" },
    locale: hold.language,
    success_url: `${base}/paid`,
    cancel_url: `${base}/payment-cancelled`,
    expires_at: expiresAt,
  } satisfies Partial<Stripe.Checkout.SessionCreateParams>;
  const params: Stripe.Checkout.SessionCreateParams =
    payment.kind === "card"
      ? { ...common, mode: "setup", currency: hold.currency.toLowerCase(), setup_intent_data: { metadata } }
      : {
          ...common,
          mode: "payment",
          line_items: [{ quantity: 1, price_data: { currency: hold.currency.toLowerCase(), unit_amount: payment.amountCents, product_data: { name: productName(hold, payment.kind) } } }],
          payment_intent_data: { setup_future_usage: "off_session", metadata },
        };
  return stripe.checkout.sessions.create(params, { idempotencyKey: `checkout:${hold.holdId}` });
}

function productName(hold: HoldFacts, kind: "full" | "deposit"): string {
  const t = translator(hold.language, "payment");
  const when = `${formatDay(hold.start, hold.timeZone, hold.language)}, ${formatTime(hold.start, hold.timeZone, hold.language)}`;
  return t("checkout.productName", { kind, service: hold.serviceName[hold.language], when });
}

export type BookingAnswer = { status: 201; body: BookingCreatedDto } | { status: 202; body: PaymentRequiredDto };

/**
 * A booking of a service paid online: the time is held and the patient sent
 * to Stripe's checkout. The same form sent again while the hold lives answers
 * the same checkout; once paid and booked, the booking. If Stripe cannot be
 * reached the hold is let go at once (nothing is left blocking the time) and
 * the form may be sent again.
 */
export async function holdForCheckout(input: CreateBookingInput, ctx: RequestContext, asked: { payment: CheckoutPayment; currency: string }): Promise<BookingAnswer> {
  const earlier = await replayForm(input, ctx);
  if (earlier) return answerReplay(earlier, input, ctx, asked);
  let hold: Awaited<ReturnType<typeof createHold>>;
  try {
    hold = await createHold(input, ctx);
  } catch (error) {
    // The same form sent twice at once: the second loses the race to the first's hold; answer with it.
    const replay = await replayForm(input, ctx);
    if (replay) return answerReplay(replay, input, ctx, asked);
    throw error;
  }
  const facts: HoldFacts = {
    holdId: hold.id,
    start: hold.start,
    timeZone: hold.timeZone,
    language: hold.language,
    serviceName: hold.service.name,
    currency: hold.service.currency,
    holdExpiresAt: new Date(hold.expiresAt),
    email: input.patient.email,
  };
  const session = await sessionOrRelease(facts, asked.payment, true);
  return { status: 202, body: paymentRequired(hold, facts, session, asked) };
}

/**
 * The hold's session. Only the request that made the hold lets it go when
 * Stripe fails: a re-submitted form asking at the same moment (Stripe then
 * answers that the key is in use) must not free the time the first request
 * is still sending the patient to pay for.
 */
async function sessionOrRelease(facts: HoldFacts, payment: CheckoutPayment, madeTheHold: boolean): Promise<Stripe.Checkout.Session & { url: string }> {
  let session: Stripe.Checkout.Session;
  try {
    session = await startCheckout(facts, payment);
    if (!session.url) throw new Error(`Checkout Session ${session.id} came back without a page to pay on.`);
  } catch (error) {
    if (madeTheHold) await letGo(facts.holdId);
    console.error(`Checkout for held time ${facts.holdId} could not be started${madeTheHold ? "; the time was let go" : ""}: ${error instanceof Error ? error.message : String(error)}`);
    throw new AppError("PAYMENT_UNAVAILABLE", PAYMENT_UNAVAILABLE_MESSAGE);
  }
  // The session is recorded as soon as it exists: the payment's answer finds its hold by it.
  await getPrisma().appointment.update({ where: { id: facts.holdId }, data: { checkoutSessionId: session.id } });
  return session as Stripe.Checkout.Session & { url: string };
}

/** A hold whose checkout could not start: the time is free again, and the form may be sent again. */
async function letGo(holdId: string): Promise<void> {
  await releaseHold(holdId);
  await forgetFormKey(holdId);
}

/**
 * A hold let go no longer answers for its form: the key is taken off the
 * row, so that the same form sent again (the patient's "try again", or the
 * browser's back button from the checkout) holds anew instead of being
 * refused as a used form.
 */
async function forgetFormKey(holdId: string): Promise<void> {
  await getPrisma().appointment.updateMany({
    where: { id: holdId, status: "LAPSED" },
    data: { idempotencyKeyHash: null, idempotencyBodyHash: null, idempotencyExpiresAt: null, sealedManageToken: null },
  });
}

async function answerReplay(earlier: FormReplay, input: CreateBookingInput, ctx: RequestContext, asked: { payment: CheckoutPayment; currency: string }): Promise<BookingAnswer> {
  // Paid for and booked since: the form's answer is the booking, as for any booking form sent again.
  if (isVisitStatus(earlier.status)) return { status: 201, body: earlier.booking };
  const live = earlier.status === "HELD" && earlier.holdExpiresAt !== null && earlier.holdExpiresAt.getTime() > ctx.now.getTime();
  if (!live) {
    throw new AppError(
      "FORM_ALREADY_USED",
      "The time this form held while you paid has been let go, and nothing was charged. Reload the page and choose a time again.",
    );
  }
  const row = await getPrisma().appointment.findUniqueOrThrow({
    where: { id: earlier.booking.id },
    select: { language: true, service: { select: { nameEn: true, nameEs: true, currency: true } } },
  });
  const facts: HoldFacts = {
    holdId: earlier.booking.id,
    start: earlier.booking.start,
    timeZone: earlier.timeZone,
    language: row.language,
    serviceName: { en: row.service.nameEn, es: row.service.nameEs },
    currency: row.service.currency,
    holdExpiresAt: earlier.holdExpiresAt!,
    email: input.patient.email,
  };
  const session = await sessionOrRelease(facts, asked.payment, false);
  return { status: 202, body: paymentRequired(earlier.booking, facts, session, asked) };
}

function paymentRequired(
  booking: BookingCreatedDto,
  facts: HoldFacts,
  session: { url: string },
  asked: { payment: CheckoutPayment; currency: string },
): PaymentRequiredDto {
  const { payment } = asked;
  return {
    status: "PAYMENT_REQUIRED",
    id: booking.id,
    start: booking.start,
    end: booking.end,
    therapistId: booking.therapistId,
    checkoutUrl: session.url,
    holdExpiresAt: formatInstantWithOffset(facts.holdExpiresAt.getTime(), facts.timeZone),
    payment: payment.kind === "card" ? { kind: "card" } : { kind: payment.kind, amountCents: payment.amountCents, currency: asked.currency },
    manageUrl: booking.manageUrl,
    manageToken: booking.manageToken,
  };
}

/**
 * The patient came back from the checkout without paying: their held time is
 * let go at once. Answers nothing about the link: a stranger's guess, a
 * booked visit and a hold all get the same reply, and only a live hold by
 * this link's own token is released.
 */
export async function releaseHoldByToken(token: string): Promise<void> {
  if (!looksLikeManageToken(token)) return;
  const hold = await getPrisma().appointment.findUnique({ where: { manageTokenHash: hashManageToken(token) }, select: { id: true, status: true, checkoutSessionId: true } });
  if (!hold || hold.status !== "HELD") return;
  const released = await releaseHold(hold.id);
  if (released.outcome !== "released") return;
  await forgetFormKey(hold.id);
  if (!hold.checkoutSessionId) return;
  // The checkout page is closed too, so the patient cannot pay for a time
  // given up; a payment already under way is answered by the webhook.
  try {
    await stripeClient().checkout.sessions.expire(hold.checkoutSessionId);
  } catch (error) {
    console.error(`Checkout Session ${hold.checkoutSessionId} of a released hold could not be expired now; it expires by itself.`, error);
  }
}
