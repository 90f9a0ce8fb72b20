import { z } from "zod";
import { patientContactSchema } from "../patients/schema";

/** A patient file's columns, in the order exports write them; the header may list them in any order. */
export const PATIENT_COLUMNS = {
  required: ["first_name", "last_name", "email", "phone", "date_of_birth"],
  optional: ["preferred_language", "address_line1", "address_line2", "city", "region", "postal_code"],
} as const;

/** Which field of the staff form each column fills, so a row passes the same checks (and name sanitising) as the form. */
export const PATIENT_FIELD_OF = {
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  phone: "phone",
  date_of_birth: "dateOfBirth",
  preferred_language: "preferredLanguage",
  address_line1: "addressLine1",
  address_line2: "addressLine2",
  city: "city",
  region: "region",
  postal_code: "postalCode",
} as const satisfies Record<(typeof PATIENT_COLUMNS)["required" | "optional"][number], keyof z.input<typeof patientContactSchema>>;

export const importStepSchema = z.object({
  step: z.enum(["preview", "import"], { error: "Say step=preview to check the file or step=import to write it." }),
});

/** One problem in one row, named by the column the person should fix. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportPreview {
  rows: number;
  /** Rows that would become new patients. */
  toCreate: number;
  /** Rows whose patient is already here (same first name, email and date of birth): left as they are. */
  alreadyPresent: number;
  errors: RowError[];
}

export interface ImportResult extends ImportPreview {
  created: number;
}

/** An appointment file's columns. The patient is found by email and date of birth (and first name, when two share them). */
export const APPOINTMENT_COLUMNS = {
  required: ["patient_email", "patient_date_of_birth", "therapist", "service", "location", "start", "mode"],
  optional: ["source_id", "patient_first_name"],
} as const;
