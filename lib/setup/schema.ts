import { z } from "zod";
import { stripInvisible } from "../text/visible-text";
import { slugSchema } from "../text/slug";

/** Long enough to resist guessing offline; a passphrase fits easily. */
export const MIN_PASSWORD_LENGTH = 12;

const ZONES = new Set(Intl.supportedValuesOf("timeZone"));

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .transform((s) => stripInvisible(s).trim())
    .pipe(z.string().min(1, `Enter ${label}.`).max(max, `Use at most ${max} characters.`));

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => stripInvisible(s ?? "").trim())
    .pipe(z.string().max(max, `Use at most ${max} characters.`))
    .transform((s) => (s === "" ? null : s));

const email = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }).max(254, "Use at most 254 characters."));

const optionalEmail = z
  .string()
  .optional()
  .transform((s) => (s ?? "").trim().toLowerCase())
  .pipe(z.union([z.literal(""), z.email({ error: "Enter a valid email address." }).max(254, "Use at most 254 characters.")]))
  .transform((s) => (s === "" ? null : s));

export const adminAccountSchema = z.object({
  adminName: text("your name", 100),
  adminEmail: email,
  password: z
    .string({ error: "Choose a password." })
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, "Use at most 200 characters."),
});

export const practiceSchema = z.object({
  practiceName: text("the practice's name", 120),
  practicePhone: optionalText(40),
  practiceEmail: optionalEmail,
  practiceAddress: optionalText(300),
});

export const firstLocationSchema = z.object({
  locationName: text("the location's name", 120),
  addressLine1: text("the street address", 200),
  city: text("the city", 100),
  region: text("the state or region", 100),
  postalCode: text("the postal code", 20),
  country: z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim().toUpperCase() || "US")
    .pipe(z.string().regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. US.")),
  timeZone: z
    .string({ error: "Choose the location's time zone." })
    .trim()
    .refine((zone) => ZONES.has(zone), "Choose a time zone from the list, e.g. America/New_York."),
  locationPhone: optionalText(40),
  /** The location's slug in links; absent: made from its name. Not on the form. */
  locationSlug: slugSchema.optional(),
});

export const completeSetupSchema = adminAccountSchema.extend(practiceSchema.shape).extend(firstLocationSchema.shape);

/** The setup form's fields, in the order the form shows them. */
export const SETUP_FIELDS = [
  "adminName",
  "adminEmail",
  "password",
  "practiceName",
  "practicePhone",
  "practiceEmail",
  "practiceAddress",
  "locationName",
  "addressLine1",
  "city",
  "region",
  "postalCode",
  "country",
  "timeZone",
  "locationPhone",
] as const satisfies readonly (keyof z.input<typeof completeSetupSchema>)[];

export type CompleteSetupForm = z.input<typeof completeSetupSchema>;
export type CompleteSetup = z.output<typeof completeSetupSchema>;

/** A setup token as it appears in the link: 32 random bytes, base64url. */
export const setupTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const TIME_ZONES: readonly string[] = [...ZONES];
