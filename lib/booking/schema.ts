import { languageSchema } from "../i18n/language-schema";
import { z } from "zod";
import { phoneSchema } from "../phone/schema";
import { isInClinicYears, OUT_OF_RANGE_MESSAGE } from "../scheduling/date-bounds";
import { slugSchema } from "../text/slug";
import { visibleString } from "../text/visible-text";
import { packageCodeSchema } from "../packages/schema";

// Shared by the booking form and the public API, so both reject the same input
// with the same field paths.

export const visitModeSchema = z.enum(["CLINIC", "HOME", "VIDEO"], { error: "Choose CLINIC, HOME or VIDEO." });
export { languageSchema };

/** A required text field whose every failure reads as one instruction. */
const text = (message: string, max: number) => visibleString({ error: message }).trim().min(1, message).max(max, `Use at most ${max} characters.`);

const isoDate = z
  .string({ error: "Enter a date as YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD.")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "That is not a real date.")
  .refine(isInClinicYears, OUT_OF_RANGE_MESSAGE);

/** An instant with an explicit offset or Z, e.g. 2026-11-23T09:00:00-06:00. */
export const instantSchema = z.iso
  .datetime({ offset: true, error: "Choose a time (ISO 8601 with an offset, e.g. 2026-11-23T09:00:00-06:00)." })
  .refine(isInClinicYears, OUT_OF_RANGE_MESSAGE);

/** The version of a record as a screen showed it, sent back so a write can tell it is not stale. */
export const versionStampSchema = (message: string) =>
  z.iso
    .datetime({ offset: true, error: message })
    .refine(isInClinicYears, message)
    .transform((s) => new Date(s));

export const homeAddressSchema = z.object({
  line1: text("Enter the street address.", 200),
  line2: visibleString().trim().max(200).optional(),
  city: text("Enter the city.", 100),
  postalCode: z.string({ error: "Enter the postal code." }).trim().regex(/^[0-9A-Za-z -]{3,10}$/, "Enter a valid postal code."),
}, { error: "Enter the address where we should visit you." });
export type HomeAddress = z.infer<typeof homeAddressSchema>;

export const patientDetailsSchema = z.object({
  firstName: text("Enter your first name.", 100),
  lastName: text("Enter your last name.", 100),
  email: z.email({ error: "Enter a valid email address." }).max(254),
  phone: phoneSchema,
  dateOfBirth: isoDate.refine((s) => {
    const year = Number(s.slice(0, 4));
    return year >= 1900 && new Date(`${s}T00:00:00Z`).getTime() <= Date.now();
  }, "Enter your date of birth."),
  address: homeAddressSchema.optional(),
}, { error: "Enter your details." });

export const createBookingSchema = z
  .object({
    /** Service id or slug. */
    service: text("Choose a service.", 100),
    start: instantSchema,
    mode: visitModeSchema,
    locationId: z.uuid({ error: "Choose a location." }),
    therapistId: z.uuid({ error: "Choose a therapist." }).optional(),
    patient: patientDetailsSchema,
    reason: visibleString().trim().max(500).optional(),
    /**
     * The reason chosen from the practice's list (`reason` carries its words):
     * it picks the intake form sent with the first visit's confirmation.
     */
    reasonSlug: slugSchema.optional(),
    language: languageSchema.optional(),
    /** Sent by the booking form so that a re-submitted form books once. */
    idempotencyKey: z.string().trim().min(16).max(100).optional(),
    /** A package's private code: the visit is paid for by the package, booked at once without a checkout. */
    packageCode: packageCodeSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.mode === "HOME" && !value.patient.address) {
      ctx.addIssue({ code: "custom", path: ["patient", "address"], message: "Enter the address where we should visit you." });
    }
  });
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const rescheduleBookingSchema = z.object({
  start: instantSchema,
  therapistId: z.uuid({ error: "Choose a therapist." }).optional(),
});
export type RescheduleBookingInput = z.infer<typeof rescheduleBookingSchema>;

export const cancelBookingSchema = z.object({
  reason: visibleString().trim().max(500).optional(),
});
export type CancelBookingInput = z.infer<typeof cancelBookingSchema>;

export const availabilityQuerySchema = z
  .object({
    service: text("Name a service by id or slug.", 100),
    from: isoDate,
    to: isoDate,
    location: z.uuid({ error: "'location' must be a location id." }).optional(),
    therapist: z.uuid({ error: "'therapist' must be a therapist id." }).optional(),
    mode: visitModeSchema.optional(),
    postalCode: z.string().trim().max(10).optional(),
    /** The patient's language: "first available" prefers a therapist who speaks it at the same time. */
    language: languageSchema.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "'to' must not be before 'from'." })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 31, {
    path: ["to"],
    message: "Ask for at most 31 days at a time.",
  })
  .refine((q) => q.mode !== "HOME" || !!q.postalCode, {
    path: ["postalCode"],
    message: "Home visits need the postal code of the visit address.",
  });
export type AvailabilityQuery = z.infer<typeof availabilityQuerySchema>;
