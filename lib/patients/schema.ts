import { z } from "zod";
import { homeAddressSchema, languageSchema, patientDetailsSchema } from "../booking/schema";
import { visibleString } from "../text/visible-text";
import { MAX_QUERY_LENGTH } from "./search-query";

// The staff form for a patient's contact details. Email, phone and date of
// birth follow the booking form's rules, so the clinic never stores what a
// patient could not have typed.

const name = (message: string) => visibleString({ error: message }).trim().min(1, message).max(100, "Use at most 100 characters.");

/** An optional line of text: blank means "none". */
const optionalText = (max: number) =>
  visibleString()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((s) => (s ? s : null));

export const patientContactSchema = z.object({
  firstName: name("Enter the first name."),
  lastName: name("Enter the last name."),
  email: z.string({ error: "Enter a valid email address." }).trim().pipe(patientDetailsSchema.shape.email),
  phone: patientDetailsSchema.shape.phone,
  dateOfBirth: patientDetailsSchema.shape.dateOfBirth,
  preferredLanguage: languageSchema,
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : null))
    .pipe(homeAddressSchema.shape.postalCode.nullable()),
});

export type PatientContactForm = z.input<typeof patientContactSchema>;
export type PatientContact = z.output<typeof patientContactSchema>;

export const PATIENT_CONTACT_FIELDS = Object.keys(patientContactSchema.shape) as (keyof PatientContact)[];

/**
 * A patient search as the staff pages and API receive it: in a POST body, so
 * the names, phones and birth dates typed never sit in a URL (browser history,
 * proxy and server logs).
 */
export const patientSearchSchema = z.object({
  q: z.string({ error: "Send what to search for as the text field q." }).max(MAX_QUERY_LENGTH, `Search for at most ${MAX_QUERY_LENGTH} characters.`),
});
