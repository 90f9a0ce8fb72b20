import { z } from "zod";
import { visibleString } from "../text/visible-text";
import { parseMoneyCents } from "../payments/money-input";
import { PAYMENT_RULES } from "../payments/rules";
import { VISIT_MODES } from "../schedules/labels";
import { slugSchema } from "../text/slug";

// Shared by the service form (checked as the administrator presses Save) and
// the mutations (checked again, the word that counts), so both put the same
// message under the same field. Numbers arrive as the text typed into the form.

export const DURATION_STEP = 5;
export const MAX_DURATION_MINUTES = 480;
export const MAX_BUFFER_MINUTES = 120;
export const MAX_NOTICE_MINUTES = 14 * 24 * 60;
export const MAX_HORIZON_DAYS = 365;
export const MAX_CUTOFF_MINUTES = 14 * 24 * 60;
/** The largest price the form takes, in cents: no visit costs more than $100,000. */
const MAX_PRICE_CENTS = 10_000_000;
const PRICE = /^\$?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/;

export const CUTOFF_UNITS = ["hours", "minutes"] as const;
export type CutoffUnit = (typeof CUTOFF_UNITS)[number];

/** A deposit is typed as an amount in dollars and cents or as a percent of the price. */
export const DEPOSIT_KINDS = ["amount", "percent"] as const;
export type DepositKind = (typeof DEPOSIT_KINDS)[number];

/** A whole number typed into a field, within bounds, with messages that say the bounds. */
function wholeNumber(label: string, min: number, max: number, unit: string) {
  return z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .transform((value, ctx) => {
      if (!/^\d+$/.test(value)) {
        ctx.addIssue({ code: "custom", message: `Enter the ${label} as a whole number of ${unit}.` });
        return z.NEVER;
      }
      const number = Number(value);
      if (number < min || number > max) {
        ctx.addIssue({ code: "custom", message: `The ${label} must be between ${min} and ${max} ${unit}.` });
        return z.NEVER;
      }
      return number;
    });
}

const name = (language: string) =>
  visibleString({ error: `Enter the name in ${language}.` })
    .trim()
    .min(1, `Enter the name in ${language}.`)
    .max(100, "Use at most 100 characters.");

const description = visibleString({ error: "Enter a description or leave it empty." }).trim().max(1000, "Use at most 1000 characters.");

const duration = wholeNumber("duration", DURATION_STEP, MAX_DURATION_MINUTES, "minutes").refine(
  (minutes) => minutes % DURATION_STEP === 0,
  `Use a multiple of ${DURATION_STEP} minutes for the duration, e.g. 45.`,
);

/** Dollars and cents as typed ("85", "85.50", "$1,200"), as cents. */
const price = z
  .string({ error: "Enter the price, e.g. 85.00 (0 for free)." })
  .trim()
  .min(1, "Enter the price, e.g. 85.00 (0 for free).")
  .transform((value, ctx) => {
    const match = PRICE.exec(value);
    if (!match) {
      ctx.addIssue({ code: "custom", message: "Enter the price in dollars and cents, e.g. 85.00 (0 for free)." });
      return z.NEVER;
    }
    const cents = Number(match[1]!.replaceAll(",", "")) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
    if (cents > MAX_PRICE_CENTS) {
      ctx.addIssue({ code: "custom", message: "Enter a price of at most 100,000.00." });
      return z.NEVER;
    }
    return cents;
  });

const visitModes = z
  .array(z.enum(VISIT_MODES, { error: "Choose in clinic, home visits or video." }), { error: "Choose at least one kind of visit." })
  .min(1, "Choose at least one kind of visit.")
  .transform((modes) => VISIT_MODES.filter((mode) => modes.includes(mode)));

const therapistIds = z
  .array(z.guid({ error: "Choose therapists from the list." }), { error: "Choose therapists from the list." })
  .max(500, "Choose therapists from the list.")
  .transform((ids) => [...new Set(ids)]);

const serviceFields = z.object({
  nameEn: name("English"),
  nameEs: name("Spanish"),
  descriptionEn: description,
  descriptionEs: description,
  durationMinutes: duration,
  price,
  visitModes,
  bufferBeforeMinutes: wholeNumber("buffer before", 0, MAX_BUFFER_MINUTES, "minutes"),
  bufferAfterMinutes: wholeNumber("buffer after", 0, MAX_BUFFER_MINUTES, "minutes"),
  minNoticeMinutes: wholeNumber("minimum notice", 0, MAX_NOTICE_MINUTES, "minutes"),
  horizonDays: wholeNumber("booking horizon", 1, MAX_HORIZON_DAYS, "days"),
  cancelCutoff: wholeNumber("cancellation cut-off", 0, MAX_CUTOFF_MINUTES, "minutes or hours"),
  cancelCutoffUnit: z.enum(CUTOFF_UNITS, { error: "Choose hours or minutes." }),
  newPatientsOnly: z.boolean({ error: "Say whether only new patients may book it." }),
  therapistIds,
  // Absent from a form that predates online payment: no online payment.
  paymentRule: z.enum(PAYMENT_RULES, { error: "Choose how patients pay online." }).default("NONE"),
  depositKind: z.enum(DEPOSIT_KINDS, { error: "Choose an amount or a percent for the deposit." }).default("amount"),
  deposit: z.string({ error: "Enter the deposit." }).trim().default(""),
});

type PaymentColumns = { paymentRule: (typeof PAYMENT_RULES)[number]; depositCents: number | null; depositPercent: number | null };

/**
 * The rule and its deposit as stored, checked against the price as the
 * database's CHECKs are, so the administrator reads which field to mend
 * rather than a refused save.
 */
function paymentColumns(
  { paymentRule, depositKind, deposit }: { paymentRule: PaymentColumns["paymentRule"]; depositKind: DepositKind; deposit: string },
  priceCents: number,
  ctx: z.RefinementCtx,
): PaymentColumns | null {
  const none = { paymentRule, depositCents: null, depositPercent: null };
  if (priceCents === 0 && (paymentRule === "FULL" || paymentRule === "DEPOSIT")) {
    ctx.addIssue({ code: "custom", path: ["paymentRule"], message: "A free service has nothing to pay online: choose no online payment or a card on file for fees." });
    return null;
  }
  if (paymentRule !== "DEPOSIT") return none;
  if (depositKind === "percent") {
    const percent = /^\d{1,3}\s*%?$/.test(deposit) ? Number.parseInt(deposit, 10) : Number.NaN;
    if (!(percent >= 1 && percent <= 100)) {
      ctx.addIssue({ code: "custom", path: ["deposit"], message: "Enter the deposit as a whole percent of the price from 1 to 100, e.g. 25." });
      return null;
    }
    return { paymentRule, depositCents: null, depositPercent: percent };
  }
  const cents = deposit === "" ? null : parseMoneyCents(deposit);
  if (cents === null) {
    ctx.addIssue({ code: "custom", path: ["deposit"], message: "Enter the deposit in dollars and cents, e.g. 27.50." });
    return null;
  }
  if (cents === 0 || cents > priceCents) {
    ctx.addIssue({ code: "custom", path: ["deposit"], message: `Enter a deposit above 0 and at most the price, ${priceFormValue(priceCents)}.` });
    return null;
  }
  return { paymentRule, depositCents: cents, depositPercent: null };
}

/** The form's price, cut-off and deposit become the stored cents, minutes and payment columns. */
function toStored<T extends z.output<typeof serviceFields>>({ price: priceCents, cancelCutoff, cancelCutoffUnit, paymentRule, depositKind, deposit, ...rest }: T, ctx: z.RefinementCtx) {
  const cancelCutoffMinutes = cancelCutoffUnit === "hours" ? cancelCutoff * 60 : cancelCutoff;
  const payment = paymentColumns({ paymentRule, depositKind, deposit }, priceCents, ctx);
  if (cancelCutoffMinutes > MAX_CUTOFF_MINUTES) {
    ctx.addIssue({ code: "custom", path: ["cancelCutoff"], message: `The cancellation cut-off must be at most ${MAX_CUTOFF_MINUTES / 60} hours (14 days).` });
    return z.NEVER;
  }
  if (!payment) return z.NEVER;
  return { ...rest, priceCents, cancelCutoffMinutes, ...payment };
}

export const serviceFormSchema = serviceFields.transform(toStored);

export type ServiceForm = z.input<typeof serviceFormSchema>;
export type ServiceValues = z.output<typeof serviceFormSchema>;

const serviceId = z.guid({ error: "No such service." });

/** A new service: the form, and a slug for its links (absent: made from the English name). */
export const serviceCreateSchema = serviceFields.extend({ slug: slugSchema.optional() }).transform(toStored);
export type ServiceCreateInput = z.input<typeof serviceCreateSchema>;

/**
 * A change to a service: the whole form, whether it stays offered, and the
 * booked visits the administrator saw and accepted (absent until asked).
 */
export const serviceUpdateSchema = serviceFields
  .extend({
    id: serviceId,
    active: z.boolean({ error: "Say whether the service is offered." }),
    confirmStranded: z.array(z.guid()).max(10_000).optional(),
  })
  .transform(toStored);
export type ServiceUpdateInput = z.input<typeof serviceUpdateSchema>;

export const serviceMoveSchema = z.object({
  id: serviceId,
  direction: z.enum(["up", "down"], { error: "Move the service up or down." }),
});
export type ServiceMoveInput = z.input<typeof serviceMoveSchema>;

/** The form's text for a stored cut-off: whole hours as hours, anything else as minutes. */
export function cutoffFormValue(minutes: number): { cancelCutoff: string; cancelCutoffUnit: CutoffUnit } {
  return minutes % 60 === 0 ? { cancelCutoff: String(minutes / 60), cancelCutoffUnit: "hours" } : { cancelCutoff: String(minutes), cancelCutoffUnit: "minutes" };
}

/** The form's text for a stored price: "85.00". */
export function priceFormValue(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** The form's text for a stored deposit: the amount ("27.50") or the percent ("25"). */
export function depositFormValue(service: { depositCents: number | null; depositPercent: number | null }): { depositKind: DepositKind; deposit: string } {
  if (service.depositPercent !== null) return { depositKind: "percent", deposit: String(service.depositPercent) };
  return { depositKind: "amount", deposit: service.depositCents === null ? "" : priceFormValue(service.depositCents) };
}
