import { z } from "zod";
import { visibleString } from "../text/visible-text";

/** The shape of a package code; anything else is refused before the database is asked. */
export const PACKAGE_CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const INVALID_PACKAGE_MESSAGE = "This package code cannot be used for this visit: it may be mistyped, used up, expired, or for another service. Check the link in your package email, or book and pay as usual.";

export const PACKAGE_USED_UP_MESSAGE = "Your package has no visits left, so this time was not booked. Book and pay for the visit as usual, or buy a new package.";

export const packageCodeSchema = z.string({ error: INVALID_PACKAGE_MESSAGE }).trim().regex(PACKAGE_CODE_PATTERN, INVALID_PACKAGE_MESSAGE);

/** What the booking wizard asks about a code before the patient confirms. */
export const packageBalanceQuerySchema = z.object({
  code: packageCodeSchema,
  service: z.string().trim().min(1).max(100),
});

const name = (message: string) => visibleString({ error: message }).trim().min(1, message).max(100, "Use at most 100 characters.");
const wholeNumber = (min: number, max: number, message: string) => z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

/** An administrator's package offer form. */
export const packageOfferFormSchema = z.object({
  nameEn: name("Enter the package's name in English."),
  nameEs: name("Enter the package's name in Spanish."),
  serviceId: z.uuid({ error: "Choose the service the package's visits are for." }),
  visits: wholeNumber(1, 100, "Enter a number of visits from 1 to 100."),
  validityDays: wholeNumber(1, 1830, "Enter how many days the package lasts, from 1 to 1830."),
  price: z
    .string({ error: "Enter the price, e.g. 600.00." })
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, "Enter the price, e.g. 600.00.")
    .transform((s) => Math.round(Number(s) * 100))
    .refine((cents) => cents > 0, "Enter a price above zero."),
  active: z.boolean().default(true),
  sortOrder: z.coerce.number().int().min(0).max(1000).default(0),
});
export type PackageOfferForm = z.input<typeof packageOfferFormSchema>;
export type PackageOfferValues = z.output<typeof packageOfferFormSchema>;

export const packageOfferUpdateSchema = packageOfferFormSchema.extend({ id: z.uuid({ error: "Choose a package offer." }) });
export type PackageOfferUpdate = z.input<typeof packageOfferUpdateSchema>;
