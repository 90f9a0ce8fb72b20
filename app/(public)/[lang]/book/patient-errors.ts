import type { z } from "zod";
import type { VisitModeDto } from "@/lib/booking/api-types";
import { patientDetailsSchema } from "@/lib/booking/schema";
import type { Language } from "@/lib/i18n/languages";
import type { BookingDraft } from "./booking-draft";

/** The details form's fields in page order, named by their path in the API's `patient` object. */
export const detailFields = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "dateOfBirth",
  "address.line1",
  "address.line2",
  "address.city",
  "address.postalCode",
  "consent",
] as const;
export type DetailField = (typeof detailFields)[number];
export type DetailErrors = Partial<Record<DetailField, string>>;

/** The id of each field's input, for labels and error-summary links. */
export const detailInputIds: Record<DetailField, string> = {
  firstName: "first-name",
  lastName: "last-name",
  email: "email",
  phone: "phone",
  dateOfBirth: "date-of-birth",
  "address.line1": "address-line1",
  "address.line2": "address-line2",
  "address.city": "address-city",
  "address.postalCode": "address-postal-code",
  consent: "consent",
};

/** The words the checks put beside a field, from the page's "book" messages. */
export interface DetailWords {
  fieldError: (field: DetailField) => string;
  consentError: string;
  generic: string;
}

function isDetailField(path: string): path is DetailField {
  return (detailFields as readonly string[]).includes(path);
}

/**
 * English keeps the schema's own (and the server's) wording; other languages
 * use one message per field. The date of birth always gets the plain message:
 * the browser's date picker shows its own format, so "Use the form
 * YYYY-MM-DD" would only confuse.
 */
function localize(field: DetailField, message: string, language: Language, words: DetailWords): string {
  return language === "en" && field !== "dateOfBirth" ? message : words.fieldError(field);
}

export type PatientInput = z.input<typeof patientDetailsSchema>;

/** Only a home visit sends an address: the clinic's is known, and a video visit has none. */
export function patientInput(draft: BookingDraft, mode: VisitModeDto): PatientInput {
  const { patient } = draft;
  return {
    firstName: patient.firstName,
    lastName: patient.lastName,
    email: patient.email.trim(),
    phone: patient.phone,
    dateOfBirth: patient.dateOfBirth,
    address:
      mode === "HOME"
        ? { line1: patient.line1, line2: patient.line2.trim() || undefined, city: patient.city, postalCode: draft.postalCode }
        : undefined,
  };
}

export type DetailsValidation =
  | { ok: true; patient: z.output<typeof patientDetailsSchema> }
  | { ok: false; errors: DetailErrors };

export function validateDetails(draft: BookingDraft, mode: VisitModeDto, language: Language, words: DetailWords): DetailsValidation {
  const parsed = patientDetailsSchema.safeParse(patientInput(draft, mode));
  const errors: DetailErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".");
      if (isDetailField(path) && !errors[path]) errors[path] = localize(path, issue.message, language, words);
    }
  }
  if (!draft.consent) errors.consent = words.consentError;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patient: parsed.data };
}

/** Splits a 422's `fields` into errors we can show beside a field and the rest. */
export function serverFieldErrors(
  fields: Record<string, string>,
  language: Language,
  words: DetailWords,
): { errors: DetailErrors; other: string[] } {
  const errors: DetailErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const field = path.replace(/^patient\./, "");
    if (isDetailField(field)) errors[field] = localize(field, message, language, words);
    else other.push(language === "en" ? message : words.generic);
  }
  return { errors, other: [...new Set(other)] };
}
