// No "server-only" here: `npm start` runs the fake Stripe from scripts/serve.ts, outside Next.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { checkoutPage, notFoundPage, type CheckoutPageSession } from "./checkout-page";
import { FormKeyError, parseStripeForm } from "./form-body";
import {
  allowOnly, boolean, currency, integer, invalid, list, map, metadata, missing, noSuch, oneOf, requiredText, StripeFailure, text, type Params,
} from "./params";
import { stripeSignatureHeader } from "./signature";

/**
 * A stand-in for Stripe on loopback, for the tests and the demo: the official
 * SDK (pointed at it with STRIPE_API_BASE) sends it its real requests, it
 * answers with objects and errors shaped like Stripe's, serves a hosted
 * checkout page, and sends webhooks signed as Stripe signs them. State lives
 * in memory and ends with the process. It implements the endpoints Stride
 * uses, with Stripe's validation of the parameters Stride sends.
 */
export interface FakeStripeOptions {
  /** 0 or unset: any free port. */
  port?: number;
  secretKey: string;
  webhookSecret: string;
  /** Where events are posted; unset: they are only recorded. */
  webhookUrl?: string | null;
  /** Pauses before each retry of a webhook that was not answered 2xx. */
  retryDelaysMs?: number[];
}

export interface DeliveryAttempt {
  at: Date;
  /** The endpoint's HTTP status, or null when it could not be reached. */
  status: number | null;
  error?: string;
}

export interface SentEvent {
  event: StripeEventObject;
  /** The exact body posted (and signed). */
  payload: string;
  attempts: DeliveryAttempt[];
}

export interface StripeEventObject {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export type CheckoutOutcome = { completed: true; redirectTo: string } | { completed: false; declined: string };

export interface FakeStripe {
  /** http://127.0.0.1:<port>: STRIPE_API_BASE, and the host of the checkout pages. */
  url: string;
  secretKey: string;
  webhookSecret: string;
  setWebhookUrl(url: string | null): void;
  /** Every event made so far, oldest first, with its deliveries. */
  events(): SentEvent[];
  /**
   * Posts an event once more (no retries), signed now or at `timestamp`
   * (unix seconds: an old one makes a stale delivery), or signed with another
   * secret (a forgery).
   */
  deliver(eventId: string, options?: { timestamp?: number; secret?: string }): Promise<DeliveryAttempt>;
  /** Pays (or saves the card) as the checkout page would, without a browser. */
  completeSession(sessionId: string, options?: { cardNumber?: string }): Promise<CheckoutOutcome>;
  /** Resolves when every webhook delivery under way has finished (retries included). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const API_VERSION = "2026-10-28.endive";
const BODY_LIMIT_BYTES = 1024 * 1024;
const MINUTE = 60;

/** Stripe's test cards that fail: 0002 always; 0341 saves, but every charge on it fails. */
const ALWAYS_DECLINED = "4000000000000002";
const DECLINED_AFTER_ATTACHING = "4000000000000341";

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Stripe's smallest charge, in cents, for two-decimal currencies. */
const MINIMUM_CHARGE = 50;
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"]);

interface Customer {
  id: string;
  object: "customer";
  created: number;
  email: string | null;
  name: string | null;
  phone: string | null;
  description: string | null;
  metadata: Record<string, string>;
  livemode: false;
  invoice_settings: { default_payment_method: string | null };
}

interface PaymentMethod {
  id: string;
  object: "payment_method";
  type: "card";
  created: number;
  customer: string | null;
  card: { brand: string; last4: string; exp_month: number; exp_year: number; funding: "credit"; country: "US" };
  billing_details: { email: string | null; name: string | null };
  livemode: false;
  metadata: Record<string, string>;
}

interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  status: "requires_payment_method" | "requires_confirmation" | "succeeded" | "canceled";
  customer: string | null;
  payment_method: string | null;
  latest_charge: string | null;
  metadata: Record<string, string>;
  description: string | null;
  setup_future_usage: "off_session" | "on_session" | null;
  last_payment_error: { type: string; code: string; decline_code: string; message: string } | null;
  created: number;
  livemode: false;
  client_secret: string;
  payment_method_types: string[];
}

interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: true;
  currency: string;
  customer: string | null;
  paid: true;
  payment_intent: string;
  payment_method: string | null;
  refunded: boolean;
  status: "succeeded";
  created: number;
  metadata: Record<string, string>;
  livemode: false;
}

interface Refund {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: "succeeded";
  reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

interface SetupIntent {
  id: string;
  object: "setup_intent";
  status: "requires_payment_method" | "succeeded";
  customer: string | null;
  payment_method: string | null;
  usage: "off_session";
  metadata: Record<string, string>;
  created: number;
  livemode: false;
  client_secret: string;
}

interface LineItem {
  name: string;
  quantity: number;
  unit_amount: number;
  currency: string;
}

interface CheckoutSession {
  id: string;
  object: "checkout.session";
  mode: "payment" | "setup";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid" | "no_payment_required";
  amount_subtotal: number | null;
  amount_total: number | null;
  currency: string | null;
  customer: string | null;
  customer_email: string | null;
  customer_details: { email: string | null } | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string | null;
  url: string | null;
  expires_at: number;
  created: number;
  payment_intent: string | null;
  setup_intent: string | null;
  livemode: false;
  ui_mode: "hosted";
}

interface SessionExtras {
  lineItems: LineItem[];
  paymentIntentData: { metadata: Record<string, string>; setupFutureUsage: "off_session" | "on_session" | null; description: string | null };
}

interface Stored {
  customers: Map<string, Customer>;
  paymentMethods: Map<string, PaymentMethod & { number: string }>;
  paymentIntents: Map<string, PaymentIntent>;
  charges: Map<string, Charge>;
  refunds: Map<string, Refund>;
  setupIntents: Map<string, SetupIntent>;
  sessions: Map<string, CheckoutSession & { extras: SessionExtras }>;
}

interface RequestFacts {
  requestId: string;
  idempotencyKey: string | null;
}

/** A session as the API shows it, without what only this server keeps. */
function publicSession(session: CheckoutSession & { extras: SessionExtras }): CheckoutSession {
  const view: Partial<CheckoutSession & { extras: SessionExtras }> = { ...session };
  delete view.extras;
  return view as CheckoutSession;
}

/** A saved card as the API shows it: never its number. */
function publicMethod(method: PaymentMethod & { number: string }): PaymentMethod {
  const view: Partial<PaymentMethod & { number: string }> = { ...method };
  delete view.number;
  return view as PaymentMethod;
}

function cardBrand(number: string): string {
  if (number.startsWith("4")) return "visa";
  if (/^5[1-5]/.test(number) || /^2[2-7]/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  return "unknown";
}

const cardDeclined = (paymentIntent?: unknown) =>
  new StripeFailure(402, {
    type: "card_error",
    code: "card_declined",
    decline_code: "generic_decline",
    message: "Your card was declined.",
    ...(paymentIntent ? { payment_intent: paymentIntent } : {}),
  });

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const stored: Stored = {
    customers: new Map(),
    paymentMethods: new Map(),
    paymentIntents: new Map(),
    charges: new Map(),
    refunds: new Map(),
    setupIntents: new Map(),
    sessions: new Map(),
  };
  const sent: SentEvent[] = [];
  const idempotent = new Map<string, { fingerprint: string; status: number; body: string }>();
  const inFlight = new Set<Promise<unknown>>();
  const retryDelays = options.retryDelaysMs ?? [500, 2_000, 5_000];
  let webhookUrl = options.webhookUrl ?? null;
  let baseUrl = "";

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => {});
    return promise;
  };

  async function post(entry: SentEvent, signing: { timestamp?: number; secret?: string } = {}): Promise<DeliveryAttempt> {
    const at = new Date();
    if (!webhookUrl) {
      const attempt = { at, status: null, error: "no webhook address is set" };
      entry.attempts.push(attempt);
      return attempt;
    }
    const header = stripeSignatureHeader(entry.payload, signing.secret ?? options.webhookSecret, signing.timestamp ?? nowSeconds());
    let attempt: DeliveryAttempt;
    try {
      const response = await fetch(webhookUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": header, "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
        body: entry.payload,
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      attempt = { at, status: response.status };
    } catch (error) {
      attempt = { at, status: null, error: error instanceof Error ? error.message : String(error) };
    }
    entry.attempts.push(attempt);
    return attempt;
  }

  /** Posts an event until the endpoint answers 2xx or the retries run out, as Stripe retries (faster). */
  async function deliverWithRetries(entry: SentEvent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const result = await post(entry);
      if (!webhookUrl || (result.status !== null && result.status >= 200 && result.status < 300)) return;
      if (attempt >= retryDelays.length) return;
      await new Promise((resolve) => setTimeout(resolve, retryDelays[attempt]));
    }
  }

  function makeEvent(type: string, object: object, facts: RequestFacts | null): SentEvent {
    const event: StripeEventObject = {
      id: newId("evt_"),
      object: "event",
      api_version: API_VERSION,
      created: nowSeconds(),
      data: { object: structuredClone(object) as Record<string, unknown> },
      livemode: false,
      pending_webhooks: webhookUrl ? 1 : 0,
      request: { id: facts?.requestId ?? null, idempotency_key: facts?.idempotencyKey ?? null },
      type,
    };
    // Stripe posts its events pretty-printed; the signature covers these exact bytes.
    const entry: SentEvent = { event, payload: JSON.stringify(event, null, 2), attempts: [] };
    sent.push(entry);
    return entry;
  }

  /** Events an API call causes go out after its answer, as Stripe's do: never while the caller waits. */
  function emitLater(...entries: SentEvent[]) {
    track(
      (async () => {
        await new Promise((resolve) => setImmediate(resolve));
        for (const entry of entries) await deliverWithRetries(entry);
      })(),
    );
  }

  function expandable(value: Record<string, unknown>, expand: string[]): Record<string, unknown> {
    const out = { ...value };
    for (const field of expand) {
      const id = out[field];
      if (typeof id !== "string") continue;
      const found =
        stored.paymentIntents.get(id) ?? stored.setupIntents.get(id) ?? stored.customers.get(id) ?? stored.charges.get(id) ??
        (stored.paymentMethods.get(id) ? publicMethod(stored.paymentMethods.get(id)!) : undefined);
      if (found) out[field] = found;
    }
    return out;
  }

  function expandList(params: Params): string[] {
    return (list(params, "expand") ?? []).filter((v): v is string => typeof v === "string");
  }

  /** Sessions past their expiry close when next looked at, and say so with an event, as Stripe's do within the hour. */
  function expireDue() {
    const now = nowSeconds();
    for (const session of stored.sessions.values()) {
      if (session.status === "open" && session.expires_at <= now) {
        session.status = "expired";
        session.url = null;
        emitLater(makeEvent("checkout.session.expired", publicSession(session), null));
      }
    }
  }

  function createCustomer(params: Params): Customer {
    allowOnly(params, ["email", "name", "phone", "description", "metadata", "expand"]);
    const customer: Customer = {
      id: newId("cus_", 14),
      object: "customer",
      created: nowSeconds(),
      email: text(params, "email") ?? null,
      name: text(params, "name") ?? null,
      phone: text(params, "phone") ?? null,
      description: text(params, "description") ?? null,
      metadata: metadata(params, "metadata"),
      livemode: false,
      invoice_settings: { default_payment_method: null },
    };
    stored.customers.set(customer.id, customer);
    return customer;
  }

  function readLineItems(params: Params): LineItem[] {
    const items = list(params, "line_items");
    if (!items || items.length === 0) throw missing("line_items");
    return items.map((raw, i) => {
      const prefix = `line_items[${i}]`;
      if (typeof raw !== "object" || Array.isArray(raw)) throw invalid(`Invalid object: ${prefix} must be a hash`, prefix);
      allowOnly(raw, ["price_data", "quantity", "price"], `${prefix}[`);
      if (raw.price !== undefined) throw noSuch("price", String(raw.price), `${prefix}[price]`);
      const priceData = map(raw, "price_data", `${prefix}[price_data]`);
      if (!priceData) throw invalid(`You must specify either \`price\` or \`price_data\` in ${prefix}.`, `${prefix}[price_data]`);
      allowOnly(priceData, ["currency", "unit_amount", "product_data", "tax_behavior"], `${prefix}[price_data][`);
      const itemCurrency = currency(priceData, "currency", `${prefix}[price_data][currency]`);
      if (!itemCurrency) throw missing(`${prefix}[price_data][currency]`);
      const unitAmount = integer(priceData, "unit_amount", `${prefix}[price_data][unit_amount]`);
      if (unitAmount === undefined) throw missing(`${prefix}[price_data][unit_amount]`);
      if (unitAmount < 0) throw invalid(`This value must be greater than or equal to 0.`, `${prefix}[price_data][unit_amount]`);
      const product = map(priceData, "product_data", `${prefix}[price_data][product_data]`);
      if (!product) throw invalid(`You must specify either \`product\` or \`product_data\` when creating a price.`, `${prefix}[price_data][product_data]`);
      allowOnly(product, ["name", "description", "metadata"], `${prefix}[price_data][product_data][`);
      const name = requiredText(product, "name", `${prefix}[price_data][product_data][name]`);
      const quantity = integer(raw, "quantity", `${prefix}[quantity]`);
      if (quantity === undefined) throw missing(`${prefix}[quantity]`);
      if (quantity < 1) throw invalid(`This value must be greater than or equal to 1.`, `${prefix}[quantity]`);
      return { name, quantity, unit_amount: unitAmount, currency: itemCurrency };
    });
  }

  function createSession(params: Params): CheckoutSession {
    allowOnly(params, [
      "mode", "line_items", "customer", "customer_email", "client_reference_id", "metadata", "success_url", "cancel_url", "expires_at",
      "payment_intent_data", "payment_method_types", "currency", "locale", "expand", "setup_intent_data", "customer_creation", "ui_mode",
    ]);
    const mode = oneOf(params, "mode", ["payment", "setup", "subscription"] as const);
    if (!mode) throw missing("mode");
    if (mode === "subscription") throw invalid("This fake Stripe takes mode payment or setup; Stride sells no subscriptions.", "mode");
    const successUrl = requiredText(params, "success_url");
    if (!URL.canParse(successUrl)) throw invalid("Not a valid URL", "success_url", "url_invalid");
    const cancelUrl = text(params, "cancel_url") ?? null;
    if (cancelUrl !== null && !URL.canParse(cancelUrl)) throw invalid("Not a valid URL", "cancel_url", "url_invalid");
    const customerId = text(params, "customer") ?? null;
    const customerEmail = text(params, "customer_email") ?? null;
    if (customerId && customerEmail) throw invalid("You may only specify one of these parameters: customer, customer_email.", "customer_email");
    if (customerId && !stored.customers.has(customerId)) throw noSuch("customer", customerId, "customer");
    const clientReferenceId = text(params, "client_reference_id") ?? null;
    if (clientReferenceId !== null && clientReferenceId.length > 200) throw invalid("client_reference_id can be at most 200 characters", "client_reference_id");

    const created = nowSeconds();
    const expiresAt = integer(params, "expires_at") ?? created + 24 * 60 * MINUTE;
    if (expiresAt < created + 30 * MINUTE) throw invalid("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", "expires_at");
    if (expiresAt > created + 24 * 60 * MINUTE) throw invalid("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", "expires_at");

    const intentData = map(params, "payment_intent_data");
    if (intentData && mode !== "payment") throw invalid("You can only specify `payment_intent_data` in `payment` mode.", "payment_intent_data");
    if (intentData) allowOnly(intentData, ["metadata", "setup_future_usage", "description", "receipt_email"], "payment_intent_data[");
    const setupFutureUsage = intentData ? (oneOf(intentData, "setup_future_usage", ["off_session", "on_session"] as const, "payment_intent_data[setup_future_usage]") ?? null) : null;

    let lineItems: LineItem[] = [];
    let total: number | null = null;
    let sessionCurrency = currency(params, "currency") ?? null;
    if (mode === "payment") {
      lineItems = readLineItems(params);
      const currencies = new Set(lineItems.map((i) => i.currency));
      if (currencies.size > 1) throw invalid("Checkout does not support multiple currencies.", "line_items");
      sessionCurrency = lineItems[0]!.currency;
      total = lineItems.reduce((sum, i) => sum + i.unit_amount * i.quantity, 0);
      if (!ZERO_DECIMAL.has(sessionCurrency) && total < MINIMUM_CHARGE) {
        throw invalid(`The Checkout Session's total amount due must add up to at least ${MINIMUM_CHARGE / 100} ${sessionCurrency}.`, "line_items");
      }
    } else if (params.line_items !== undefined) {
      throw invalid("You cannot pass `line_items` in `setup` mode.", "line_items");
    }

    const id = newId(`cs_test_a1`, 56);
    const session: CheckoutSession & { extras: SessionExtras } = {
      id,
      object: "checkout.session",
      mode,
      status: "open",
      payment_status: mode === "payment" ? "unpaid" : "no_payment_required",
      amount_subtotal: total,
      amount_total: total,
      currency: sessionCurrency,
      customer: customerId,
      customer_email: customerEmail,
      customer_details: null,
      client_reference_id: clientReferenceId,
      metadata: metadata(params, "metadata"),
      success_url: successUrl,
      cancel_url: cancelUrl,
      url: `${baseUrl}/checkout/${id}`,
      expires_at: expiresAt,
      created,
      payment_intent: null,
      setup_intent: null,
      livemode: false,
      ui_mode: "hosted",
      extras: {
        lineItems,
        paymentIntentData: {
          metadata: intentData ? metadata(intentData, "metadata", "payment_intent_data[metadata]") : {},
          setupFutureUsage,
          description: intentData ? (text(intentData, "description", "payment_intent_data[description]") ?? null) : null,
        },
      },
    };
    stored.sessions.set(id, session);
    return publicSession(session);
  }

  function findSession(id: string) {
    const session = stored.sessions.get(id);
    if (!session) throw noSuch("checkout.session", id);
    return session;
  }

  function expireSession(id: string, facts: RequestFacts): CheckoutSession {
    const session = findSession(id);
    if (session.status !== "open") {
      throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This session has a status of ${session.status}.`, undefined, "checkout_session_not_open");
    }
    session.status = "expired";
    session.url = null;
    const view = publicSession(session);
    emitLater(makeEvent("checkout.session.expired", view, facts));
    return view;
  }

  function savePaymentMethod(number: string, customer: string | null, email: string | null): PaymentMethod & { number: string } {
    const method: PaymentMethod & { number: string } = {
      id: newId("pm_"),
      object: "payment_method",
      type: "card",
      created: nowSeconds(),
      customer,
      card: { brand: cardBrand(number), last4: number.slice(-4), exp_month: 12, exp_year: new Date().getUTCFullYear() + 8, funding: "credit", country: "US" },
      billing_details: { email, name: null },
      livemode: false,
      metadata: {},
      number,
    };
    stored.paymentMethods.set(method.id, method);
    return method;
  }

  function succeedPaymentIntent(intent: PaymentIntent) {
    const charge: Charge = {
      id: newId("ch_"),
      object: "charge",
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      captured: true,
      currency: intent.currency,
      customer: intent.customer,
      paid: true,
      payment_intent: intent.id,
      payment_method: intent.payment_method,
      refunded: false,
      status: "succeeded",
      created: nowSeconds(),
      metadata: intent.metadata,
      livemode: false,
    };
    stored.charges.set(charge.id, charge);
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    intent.latest_charge = charge.id;
    intent.last_payment_error = null;
  }

  function newPaymentIntent(fields: Pick<PaymentIntent, "amount" | "currency" | "customer" | "payment_method" | "metadata" | "description" | "setup_future_usage">): PaymentIntent {
    const id = newId("pi_");
    const intent: PaymentIntent = {
      id,
      object: "payment_intent",
      amount_received: 0,
      status: "requires_payment_method",
      latest_charge: null,
      last_payment_error: null,
      created: nowSeconds(),
      livemode: false,
      client_secret: `${id}_secret_${newId("", 24)}`,
      payment_method_types: ["card"],
      ...fields,
    };
    stored.paymentIntents.set(id, intent);
    return intent;
  }

  /** What paying on the checkout page does: the card is checked, the payment (or saved card) recorded, the events sent. */
  async function completeSession(sessionId: string, cardNumber = "4242424242424242", facts: RequestFacts | null = null): Promise<CheckoutOutcome> {
    expireDue();
    const session = stored.sessions.get(sessionId);
    if (!session) throw noSuch("checkout.session", sessionId);
    if (session.status !== "open") throw invalid(`This Checkout Session is ${session.status}.`, undefined, "checkout_session_not_open");
    const number = cardNumber.replace(/[\s-]/g, "");
    if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) return { completed: false, declined: "Your card number is invalid." };
    const chargesFail = number === ALWAYS_DECLINED || (session.mode === "payment" && number === DECLINED_AFTER_ATTACHING);
    if (chargesFail) return { completed: false, declined: "Your card was declined." };

    const email = session.customer_email ?? (session.customer ? stored.customers.get(session.customer)?.email ?? null : null);
    let customer = session.customer;
    const events: SentEvent[] = [];
    if (session.mode === "payment") {
      const { setupFutureUsage, metadata: intentMetadata, description } = session.extras.paymentIntentData;
      // Saving the card for later needs a customer to keep it on; Checkout makes one.
      if (!customer && setupFutureUsage) customer = createCustomer(email ? { email } : {}).id;
      const method = savePaymentMethod(number, setupFutureUsage ? customer : null, email);
      const intent = newPaymentIntent({
        amount: session.amount_total!, currency: session.currency!, customer, payment_method: method.id, metadata: intentMetadata, description, setup_future_usage: setupFutureUsage,
      });
      succeedPaymentIntent(intent);
      session.payment_intent = intent.id;
      session.payment_status = "paid";
      events.push(makeEvent("payment_intent.succeeded", intent, facts));
    } else {
      const method = savePaymentMethod(number, customer, email);
      const intent: SetupIntent = {
        id: newId("seti_"),
        object: "setup_intent",
        status: "succeeded",
        customer,
        payment_method: method.id,
        usage: "off_session",
        metadata: {},
        created: nowSeconds(),
        livemode: false,
        client_secret: "",
      };
      intent.client_secret = `${intent.id}_secret_${newId("", 24)}`;
      stored.setupIntents.set(intent.id, intent);
      session.setup_intent = intent.id;
      events.push(makeEvent("setup_intent.succeeded", intent, facts));
    }
    session.customer = customer;
    session.status = "complete";
    session.url = null;
    session.customer_details = { email };
    events.push(makeEvent("checkout.session.completed", publicSession(session), facts));
    // The patient's browser goes back to the practice only after the practice has heard, so its page can show the booking.
    await track(
      (async () => {
        for (const entry of events) await deliverWithRetries(entry);
      })(),
    );
    return { completed: true, redirectTo: session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id) };
  }

  function createRefund(params: Params, facts: RequestFacts): Refund {
    allowOnly(params, ["payment_intent", "charge", "amount", "reason", "metadata", "expand"]);
    const intentId = text(params, "payment_intent");
    const chargeId = text(params, "charge");
    if (!intentId && !chargeId) throw invalid("One of the following params should be provided for this request: payment_intent or charge.", "payment_intent");
    let charge: Charge | undefined;
    if (intentId) {
      const intent = stored.paymentIntents.get(intentId);
      if (!intent) throw noSuch("payment_intent", intentId, "payment_intent");
      if (intent.status !== "succeeded" || !intent.latest_charge) {
        throw invalid(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, "payment_intent");
      }
      charge = stored.charges.get(intent.latest_charge)!;
    } else {
      charge = stored.charges.get(chargeId!);
      if (!charge) throw noSuch("charge", chargeId!, "charge");
    }
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining === 0) throw invalid(`Charge ${charge.id} has already been refunded.`, undefined, "charge_already_refunded");
    const amount = integer(params, "amount") ?? remaining;
    if (amount < 1) throw invalid("Invalid positive integer", "amount");
    if (amount > remaining) {
      const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
      throw invalid(`Refund amount (${money(amount)}) is greater than unrefunded amount on charge (${money(remaining)})`, "amount", "amount_too_large");
    }
    const refund: Refund = {
      id: newId("re_"),
      object: "refund",
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      status: "succeeded",
      reason: oneOf(params, "reason", ["duplicate", "fraudulent", "requested_by_customer"] as const) ?? null,
      metadata: metadata(params, "metadata"),
      created: nowSeconds(),
    };
    stored.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    emitLater(makeEvent("refund.created", refund, facts), makeEvent("charge.refunded", charge, facts));
    return refund;
  }

  function createPaymentIntent(params: Params, facts: RequestFacts): PaymentIntent {
    allowOnly(params, [
      "amount", "currency", "customer", "payment_method", "off_session", "confirm", "metadata", "description", "receipt_email", "expand",
      "payment_method_types", "error_on_requires_action", "automatic_payment_methods", "statement_descriptor_suffix",
    ]);
    const amount = integer(params, "amount");
    if (amount === undefined) throw missing("amount");
    const intentCurrency = currency(params, "currency");
    if (!intentCurrency) throw missing("currency");
    if (!ZERO_DECIMAL.has(intentCurrency) && amount < MINIMUM_CHARGE) throw invalid(`Amount must be at least ${MINIMUM_CHARGE} cents`, "amount", "amount_too_small");
    const customerId = text(params, "customer") ?? null;
    if (customerId && !stored.customers.has(customerId)) throw noSuch("customer", customerId, "customer");
    const methodId = text(params, "payment_method") ?? null;
    const method = methodId ? stored.paymentMethods.get(methodId) : undefined;
    if (methodId && !method) throw noSuch("PaymentMethod", methodId, "payment_method");
    const offSession = boolean(params, "off_session") ?? false;
    const confirm = boolean(params, "confirm") ?? false;
    if (offSession && !confirm) throw invalid("You can only pass `off_session` when `confirm` is true.", "off_session");
    if (method && method.customer !== null && method.customer !== customerId) {
      throw invalid(`The provided PaymentMethod ${method.id} belongs to a different Customer than ${customerId ?? "none"}.`, "payment_method");
    }
    if (method && offSession && method.customer === null) {
      throw invalid(`The provided PaymentMethod ${method.id} was not saved to a Customer; it cannot be charged off-session.`, "payment_method");
    }
    const intent = newPaymentIntent({
      amount, currency: intentCurrency, customer: customerId, payment_method: methodId, metadata: metadata(params, "metadata"), description: text(params, "description") ?? null, setup_future_usage: null,
    });
    if (!confirm) {
      if (methodId) intent.status = "requires_confirmation";
      return intent;
    }
    if (!method) throw invalid("You cannot confirm this PaymentIntent because it's missing a payment method.", "payment_method", "payment_intent_unexpected_state");
    if (method.number === ALWAYS_DECLINED || method.number === DECLINED_AFTER_ATTACHING) {
      intent.status = "requires_payment_method";
      intent.last_payment_error = { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." };
      emitLater(makeEvent("payment_intent.payment_failed", intent, facts));
      throw cardDeclined(structuredClone(intent));
    }
    succeedPaymentIntent(intent);
    emitLater(makeEvent("payment_intent.succeeded", intent, facts));
    return intent;
  }

  function found<T>(value: T | undefined, kind: string, id: string): T {
    if (value === undefined) throw noSuch(kind, id);
    return value;
  }
  const asRecord = (value: object) => value as Record<string, unknown>;

  type Route = { method: string; pattern: RegExp; handle: (id: string, params: Params, facts: RequestFacts) => unknown };
  const routes: Route[] = [
    { method: "POST", pattern: /^\/v1\/customers$/, handle: (_id, p) => createCustomer(p) },
    { method: "GET", pattern: /^\/v1\/customers\/([^/]+)$/, handle: (id) => found(stored.customers.get(id), "customer", id) },
    { method: "POST", pattern: /^\/v1\/checkout\/sessions$/, handle: (_id, p) => expandable(asRecord(createSession(p)), expandList(p)) },
    { method: "GET", pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/, handle: (id, p) => expandable(asRecord(publicSession(findSession(id))), expandList(p)) },
    {
      method: "POST", pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
      handle: (id, p, f) => {
        allowOnly(p, ["expand"]);
        return expireSession(id, f);
      },
    },
    { method: "POST", pattern: /^\/v1\/refunds$/, handle: (_id, p, f) => createRefund(p, f) },
    { method: "GET", pattern: /^\/v1\/refunds\/([^/]+)$/, handle: (id) => found(stored.refunds.get(id), "refund", id) },
    { method: "POST", pattern: /^\/v1\/payment_intents$/, handle: (_id, p, f) => createPaymentIntent(p, f) },
    { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, handle: (id, p) => expandable(asRecord(found(stored.paymentIntents.get(id), "payment_intent", id)), expandList(p)) },
    { method: "GET", pattern: /^\/v1\/setup_intents\/([^/]+)$/, handle: (id, p) => expandable(asRecord(found(stored.setupIntents.get(id), "setup_intent", id)), expandList(p)) },
    { method: "GET", pattern: /^\/v1\/payment_methods\/([^/]+)$/, handle: (id) => publicMethod(found(stored.paymentMethods.get(id), "PaymentMethod", id)) },
  ];

  function answerJson(res: ServerResponse, status: number, body: string, requestId: string, extra: Record<string, string> = {}) {
    res.writeHead(status, { "Content-Type": "application/json", "Request-Id": requestId, "Stripe-Version": API_VERSION, ...extra });
    res.end(body);
  }

  async function readBody(req: IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > BODY_LIMIT_BYTES) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string, search: string) {
    const requestId = newId("req_", 14);
    const fail = (failure: StripeFailure) => answerJson(res, failure.status, JSON.stringify({ error: { ...failure.error, request_log_url: null } }, null, 2), requestId);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (bearer !== options.secretKey) {
      const shown = bearer ? `${bearer.slice(0, 8)}${"*".repeat(Math.max(0, bearer.length - 12))}${bearer.slice(-4)}` : "";
      return fail(new StripeFailure(401, {
        type: "invalid_request_error",
        message: bearer ? `Invalid API Key provided: ${shown}` : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.",
      }));
    }
    const method = req.method ?? "GET";
    const body = await readBody(req);
    if (body === null) return fail(invalid("The request body is too large."));
    const route = routes.find((r) => r.method === method && r.pattern.test(pathname));
    if (!route) return fail(new StripeFailure(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${pathname}).` }));
    const idempotencyKey = method === "POST" ? (req.headers["idempotency-key"] as string | undefined) ?? null : null;
    const fingerprint = createHash("sha256").update(`${method} ${pathname}\n${body}`).digest("hex");
    if (idempotencyKey) {
      const earlier = idempotent.get(idempotencyKey);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          return fail(new StripeFailure(400, {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          }));
        }
        return answerJson(res, earlier.status, earlier.body, requestId, { "Idempotent-Replayed": "true" });
      }
    }
    const facts: RequestFacts = { requestId, idempotencyKey };
    let status: number;
    let answer: string;
    try {
      expireDue();
      const params = parseStripeForm(method === "GET" ? search.replace(/^\?/, "") : body);
      const result = route.handle(route.pattern.exec(pathname)![1] ?? "", params, facts);
      status = 200;
      answer = JSON.stringify(result, null, 2);
    } catch (error) {
      const failure = error instanceof StripeFailure ? error : error instanceof FormKeyError ? invalid(error.message) : null;
      if (!failure) throw error;
      status = failure.status;
      answer = JSON.stringify({ error: { ...failure.error, request_log_url: null } }, null, 2);
    }
    // Stripe keeps a key's first answer, a refusal included, and gives it again.
    if (idempotencyKey) idempotent.set(idempotencyKey, { fingerprint, status, body: answer });
    answerJson(res, status, answer, requestId);
  }

  function pageView(session: CheckoutSession & { extras: SessionExtras }): CheckoutPageSession {
    return {
      id: session.id,
      mode: session.mode,
      status: session.status,
      amountTotal: session.amount_total,
      currency: session.currency,
      lineItems: session.extras.lineItems.map((i) => ({ name: i.name, quantity: i.quantity, amount: i.unit_amount * i.quantity })),
      customerEmail: session.customer_email ?? (session.customer ? stored.customers.get(session.customer)?.email ?? null : null),
      successUrl: session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id),
      cancelUrl: session.cancel_url,
    };
  }

  function answerHtml(res: ServerResponse, status: number, html: string) {
    res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    res.end(html);
  }

  async function handlePage(req: IncomingMessage, res: ServerResponse, sessionId: string) {
    expireDue();
    const session = stored.sessions.get(sessionId);
    if (!session) return answerHtml(res, 404, notFoundPage());
    if (req.method === "GET") return answerHtml(res, 200, checkoutPage(pageView(session)));
    if (req.method !== "POST") return answerHtml(res, 405, notFoundPage());
    const body = await readBody(req);
    const cardNumber = new URLSearchParams(body ?? "").get("card_number") ?? "";
    if (session.status !== "open") return answerHtml(res, 409, checkoutPage(pageView(session)));
    const outcome = await completeSession(sessionId, cardNumber);
    if (!outcome.completed) return answerHtml(res, 402, checkoutPage(pageView(session), { error: outcome.declined, cardNumber }));
    res.writeHead(303, { Location: outcome.redirectTo, "Cache-Control": "no-store" });
    res.end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake-stripe.invalid");
    const page = /^\/checkout\/([A-Za-z0-9_]+)$/.exec(url.pathname);
    const work = page ? handlePage(req, res, page[1]!) : url.pathname.startsWith("/v1/") ? handleApi(req, res, url.pathname, url.search) : Promise.resolve(answerHtml(res, 404, notFoundPage()));
    work.catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      answerJson(res, 500, JSON.stringify({ error: { type: "api_error", message: error instanceof Error ? error.message : String(error) } }), newId("req_", 14));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as { port: number };
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    secretKey: options.secretKey,
    webhookSecret: options.webhookSecret,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    events: () => [...sent],
    deliver: (eventId, signing = {}) => {
      const entry = sent.find((e) => e.event.id === eventId);
      if (!entry) return Promise.reject(new Error(`No event ${eventId} was sent`));
      return track(post(entry, signing));
    },
    completeSession: (sessionId, completion = {}) => completeSession(sessionId, completion.cardNumber),
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
