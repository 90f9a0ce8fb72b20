import { isSupportedCountry, type CountryCode } from "libphonenumber-js";
import { z } from "zod";

// Configuration read once and validated, so a typo fails at start-up with a
// message instead of surfacing as odd behaviour under load.
const boolish = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

const iceServersSchema = z
  .array(
    z.object({
      urls: z.union([z.string().regex(/^(stun|stuns|turn|turns):/), z.array(z.string().regex(/^(stun|stuns|turn|turns):/)).min(1)]),
      username: z.string().optional(),
      credential: z.string().optional(),
    }),
  )
  .max(10);

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where links in confirmations point, e.g. https://book.example-clinic.com */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Booking writes (create, reschedule, cancel) allowed per client address per window. */
  RATE_LIMIT_BOOKINGS_MAX: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_BOOKINGS_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
  /** How many reverse proxies in front of the app may set X-Forwarded-For; 0 = trust none. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Days a patient's manage link stays valid after the visit. */
  MANAGE_TOKEN_DAYS_AFTER_VISIT: z.coerce.number().int().min(1).default(30),
  /** How long a time chosen for an online payment is kept for its patient (Stripe's checkout lives longer). */
  PAYMENT_HOLD_MINUTES: z.coerce.number().int().min(5).max(60).default(15),
  STRIDE_RESET_DB: boolish,
  /** On SIGTERM, how long requests in flight may take to finish before their connections are closed. */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(10),
  /** Staff sessions end after this long without activity… */
  STAFF_IDLE_SECONDS: z.coerce.number().int().min(5).default(900),
  /** …and this long after sign-in in any case. */
  STAFF_SESSION_HOURS: z.coerce.number().min(0.01).max(24).default(12),
  /** Failed sign-ins allowed in a 15-minute window per account from one client address… */
  SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** …per client address across accounts… */
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  /** …and in an hour per account from every address it has not signed in from in 30 days (docs/security.md). */
  SIGN_IN_FAILURES_PER_ACCOUNT_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /**
   * STUN and TURN servers for video visits, as the JSON array RTCPeerConnection
   * takes: [{"urls":"turn:turn.example.org:3478","username":"…","credential":"…"}].
   * Empty: peers connect only where they can reach each other directly.
   */
  VIDEO_ICE_SERVERS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw?.trim()) return [];
      try {
        const parsed = iceServersSchema.safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: "custom", message: "must be a JSON array of {urls, username?, credential?}" });
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
      }
      return z.NEVER;
    }),
  /**
   * Send video visits to another meeting service instead of the built-in
   * room, e.g. https://meet.example.org/clinic-{room}. {room} becomes a name
   * unique to the visit that reveals nothing about it.
   */
  /**
   * The mail server Stride sends through, e.g. smtp://user:pass@mail.example.org:587
   * (smtps:// for TLS from the first byte). Unset: a built-in mail catcher on
   * loopback receives everything, and administrators read it at /staff/outbox.
   */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// address")
    .optional(),
  /** The sender of every email, e.g. "Cedar Run Physical Therapy <appointments@cedarrun.example>". */
  MAIL_FROM: z.string().min(3).max(200).optional(),
  /** Run the message worker inside `npm start` (default); 0 when it runs apart (`npm run worker`). */
  STRIDE_WORKER: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v !== "0" && v !== "false"),
  VIDEO_MEETING_URL_TEMPLATE: z
    .string()
    .url()
    .refine((v) => v.includes("{room}"), "must contain {room}")
    .refine((v) => /^https:\/\//.test(v), "must be an https:// address")
    .optional(),
  /**
   * Text messages go through Twilio when these are set (docs/text-messages.md);
   * unset, Stride sends no text messages and reminders go by email.
   */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "must be the Account SID from the Twilio console: AC followed by 32 hexadecimal characters")
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, "must be the Auth Token from the Twilio console").optional(),
  /** The number texts come from, in E.164, e.g. +12015550123… */
  TWILIO_FROM: z
    .string()
    .regex(/^\+[1-9][0-9]{6,14}$/, "must be a phone number in E.164 form, e.g. +12015550123")
    .optional(),
  /** …or a Messaging Service that picks the number. */
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, "must be a Messaging Service SID: MG followed by 32 hexadecimal characters")
    .optional(),
  /** Another address for Twilio's API, e.g. a test server on this machine; unset in production. */
  TWILIO_API_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), "must be an http:// or https:// address")
    .optional(),
  /**
   * Online payment goes through Stripe when both keys are set (docs/payments.md);
   * unset, online payment is off and paid services read "pay at the clinic".
   * A restricted key (rk_) works when it may write Checkout Sessions, Customers,
   * PaymentIntents and Refunds.
   */
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk_test_|sk_live_|rk_test_|rk_live_)[0-9A-Za-z_]{8,}$/, "must be a secret key from the Stripe dashboard: sk_test_…, sk_live_… or a restricted key rk_…")
    .optional(),
  /** The signing secret of the webhook endpoint /api/webhooks/stripe, from the Stripe dashboard. */
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[0-9A-Za-z_]{8,}$/, "must be the endpoint's signing secret from the Stripe dashboard: whsec_…")
    .optional(),
  /** Another address for Stripe's API, e.g. the local fake Stripe on this machine; unset in production. */
  STRIPE_API_BASE: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), "must be an http:// or https:// address")
    .optional(),
  /** Where phone numbers typed without a country code are, as a two-letter country code. */
  DEFAULT_PHONE_REGION: z
    .string()
    .default("US")
    .transform((v) => v.trim().toUpperCase())
    .refine((v): v is CountryCode => isSupportedCountry(v), "must be a two-letter country code, e.g. US, CA, GB or MX")
    .transform((v) => v as CountryCode),
}).superRefine((env, ctx) => {
  // Half a Twilio set-up would fail on the first text; say so at start-up.
  const twilio = [env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, env.TWILIO_FROM, env.TWILIO_MESSAGING_SERVICE_SID];
  if (twilio.some((v) => v !== undefined)) {
    if (!env.TWILIO_ACCOUNT_SID) ctx.addIssue({ code: "custom", path: ["TWILIO_ACCOUNT_SID"], message: "set it with the other TWILIO_ settings, or unset them all to send no text messages" });
    if (!env.TWILIO_AUTH_TOKEN) ctx.addIssue({ code: "custom", path: ["TWILIO_AUTH_TOKEN"], message: "set it with the other TWILIO_ settings, or unset them all to send no text messages" });
    if (!env.TWILIO_FROM && !env.TWILIO_MESSAGING_SERVICE_SID) {
      ctx.addIssue({ code: "custom", path: ["TWILIO_FROM"], message: "set the number texts come from (e.g. +12015550123), or TWILIO_MESSAGING_SERVICE_SID" });
    }
    if (env.TWILIO_FROM && env.TWILIO_MESSAGING_SERVICE_SID) {
      ctx.addIssue({ code: "custom", path: ["TWILIO_FROM"], message: "set TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID, not both" });
    }
  }

  // A secret key without the webhook secret could take money whose completion
  // Stride would then refuse to hear about; say so at start-up.
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "set it with STRIPE_SECRET_KEY (the signing secret of the webhook /api/webhooks/stripe, whsec_…), or unset both to keep online payment off" });
  }
  if (env.STRIPE_WEBHOOK_SECRET && !env.STRIPE_SECRET_KEY) {
    ctx.addIssue({ code: "custom", path: ["STRIPE_SECRET_KEY"], message: "set it with STRIPE_WEBHOOK_SECRET (sk_test_… or sk_live_…), or unset both to keep online payment off" });
  }

  // A mail server elsewhere checks who the mail claims to be from; the
  // built-in catcher (or a relay on this machine) does not.
  // (An SMTP_URL that is not a URL at all has its own message above.)
  if (!env.SMTP_URL || !URL.canParse(env.SMTP_URL)) return;
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(new URL(env.SMTP_URL).hostname);
  if (!loopback && !env.MAIL_FROM) ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "set it with SMTP_URL, e.g. \"Clinic name <appointments@clinic.example>\"" });
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Validates a set of environment variables; throws one message naming every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function publicBaseUrl(): string {
  const env = getEnv();
  return (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
