import { z } from "zod";
import { moneyFormValue, parseMoneyCents } from "../payments/money-input";
import { stripInvisible } from "../text/visible-text";

/** A policy is a page of plain text: room for a real one, not for a book. */
export const MAX_POLICY_LENGTH = 10_000;

const name = z
  .string({ error: "Enter the practice's name." })
  .transform((s) => stripInvisible(s).trim())
  .pipe(z.string().min(1, "Enter the practice's name.").max(120, "Use at most 120 characters."));

/** A one-line field that may be left empty; empty is stored as null. */
const optionalLine = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => stripInvisible(s ?? "").trim())
    .pipe(z.string().max(max, `Use at most ${max} characters.`))
    .transform((s) => (s === "" ? null : s));

const phone = z
  .string()
  .optional()
  .transform((s) => stripInvisible(s ?? "").trim())
  .pipe(
    z.union([
      z.literal(""),
      z
        .string()
        .max(40, "Use at most 40 characters.")
        // Patients dial it from the page (a tel: link), so it must be digits a phone can dial.
        .regex(/^\+?[\d\s().-]+$/, "Use digits, spaces, brackets, dots or dashes, with an optional + in front, e.g. +1 915-555-0142.")
        .refine((s) => s.replace(/\D/g, "").length >= 6, "A phone number has at least 6 digits."),
    ]),
  )
  .transform((s) => (s === "" ? null : s));

const email = z
  .string()
  .optional()
  .transform((s) => stripInvisible(s ?? "").trim().toLowerCase())
  .pipe(z.union([z.literal(""), z.email({ error: "Enter a valid email address, e.g. hello@example.com." }).max(254, "Use at most 254 characters.")]))
  .transform((s) => (s === "" ? null : s));

/**
 * A policy text as typed: invisible characters removed, line endings made
 * one kind (a browser sends CRLF), blank lines between paragraphs kept.
 */
const policy = z
  .string()
  .optional()
  .transform((s) => stripInvisible(s ?? "").replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().max(MAX_POLICY_LENGTH, `Use at most ${MAX_POLICY_LENGTH.toLocaleString("en-US")} characters.`))
  .transform((s) => (s === "" ? null : s));

/** The longest a reminder may go ahead of its visit: a week. */
export const MAX_REMINDER_HOURS = 168;

/** Hours before a visit a reminder goes; 0 turns that kind off. A form that leaves it out keeps the default. */
const reminderHours = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((s) => stripInvisible(s ?? String(fallback)).trim())
    .pipe(z.string().regex(/^\d{1,3}$/, `Enter a whole number of hours from 0 to ${MAX_REMINDER_HOURS}, e.g. 24 (0 sends none).`))
    .transform(Number)
    .pipe(z.number().max(MAX_REMINDER_HOURS, `Use at most ${MAX_REMINDER_HOURS} hours (a week).`));

/** The longest late-cancellation window: two weeks. */
export const MAX_LATE_WINDOW_HOURS = 336;
/** The largest fee the form takes, in cents: $10,000. */
const MAX_FEE_CENTS = 1_000_000;

/** Hours before a visit inside which a cancellation keeps the late fee; 0 for no window. */
const lateWindowHours = z
  .string()
  .optional()
  .transform((s) => stripInvisible(s ?? "24").trim())
  .pipe(z.string().regex(/^\d{1,3}$/, `Enter a whole number of hours from 0 to ${MAX_LATE_WINDOW_HOURS}, e.g. 24 (0 for no late cancellations).`))
  .transform(Number)
  .pipe(z.number().max(MAX_LATE_WINDOW_HOURS, `Use at most ${MAX_LATE_WINDOW_HOURS} hours (two weeks).`));

/** A fee in dollars and cents as typed; empty or absent is no fee. */
const fee = (what: string) =>
  z
    .string()
    .optional()
    .transform((s) => stripInvisible(s ?? "").trim() || "0")
    .transform((value, ctx) => {
      const cents = parseMoneyCents(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: `Enter the ${what} in dollars and cents, e.g. 25.00 (0 for none).` });
        return z.NEVER;
      }
      if (cents > MAX_FEE_CENTS) {
        ctx.addIssue({ code: "custom", message: `Enter a ${what} of at most 10,000.00.` });
        return z.NEVER;
      }
      return cents;
    });

/** A checkbox: present ("on") when ticked. */
const checkbox = z
  .string()
  .optional()
  .transform((s) => s === "on" || s === "true");

export const practiceSettingsSchema = z
  .object({
  name,
  phone,
  email,
  address: optionalLine(300),
  cancellationPolicyEn: policy,
  cancellationPolicyEs: policy,
  privacyPolicyEn: policy,
  privacyPolicyEs: policy,
  emailReminderHours: reminderHours(24),
  smsReminderHours: reminderHours(2),
  lateCancelWindowHours: lateWindowHours,
  lateCancelFee: fee("late-cancellation fee"),
  noShowFee: fee("no-show fee"),
  removeLogo: checkbox,
  })
  // The form speaks of hours and dollars; the practice stores minutes and cents.
  .transform(({ lateCancelWindowHours, lateCancelFee, noShowFee, ...rest }) => ({
    ...rest,
    lateCancelWindowMinutes: lateCancelWindowHours * 60,
    lateCancelFeeCents: lateCancelFee,
    noShowFeeCents: noShowFee,
  }));

/** The settings form's text fields, in the order the form shows them (the logo is a file beside them). */
export const PRACTICE_SETTINGS_FIELDS = [
  "name",
  "phone",
  "email",
  "address",
  "cancellationPolicyEn",
  "cancellationPolicyEs",
  "privacyPolicyEn",
  "privacyPolicyEs",
  "emailReminderHours",
  "smsReminderHours",
  "lateCancelWindowHours",
  "lateCancelFee",
  "noShowFee",
  "removeLogo",
] as const satisfies readonly (keyof z.input<typeof practiceSettingsSchema>)[];

export type PracticeSettingsForm = z.input<typeof practiceSettingsSchema>;
export type PracticeSettings = z.output<typeof practiceSettingsSchema>;

/** The stored details an administrator can change; the audit names these, never their values. */
export type PracticeDetailField = Exclude<keyof PracticeSettings, "removeLogo"> | "logo";

/** The form's text for the stored cancellation policy. */
export function policyFormValues(policy: { lateCancelWindowMinutes: number; lateCancelFeeCents: number; noShowFeeCents: number }): Record<"lateCancelWindowHours" | "lateCancelFee" | "noShowFee", string> {
  return {
    // The form takes whole hours; a window stored in minutes by another way shows rounded up.
    lateCancelWindowHours: String(Math.ceil(policy.lateCancelWindowMinutes / 60)),
    lateCancelFee: moneyFormValue(policy.lateCancelFeeCents),
    noShowFee: moneyFormValue(policy.noShowFeeCents),
  };
}
