"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizeStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { staffContext } from "@/lib/http/staff-context";
import { updatePatientContact } from "@/lib/patients/mutations";
import { PATIENT_CONTACT_FIELDS, type PatientContactForm } from "@/lib/patients/schema";

export interface ContactFormState {
  message: string | null;
  fields: Record<string, string>;
  /** What was submitted, to show again beside the errors; null shows the saved details. */
  values: Record<string, string> | null;
}

function readForm(form: FormData): Record<string, string> {
  return Object.fromEntries(PATIENT_CONTACT_FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
}

export async function updatePatientContactAction(patientId: string, expectedUpdatedAt: string, _previous: ContactFormState, form: FormData): Promise<ContactFormState> {
  const staff = await authorizeStaff("ADMIN", "FRONT_DESK");
  const values = readForm(form);
  try {
    await updatePatientContact(staff, patientId, values as PatientContactForm, await staffContext(), new Date(expectedUpdatedAt));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "STALE") {
      revalidatePath(`/staff/patients/${patientId}/edit`);
      return { message: error.message, fields: {}, values: null };
    }
    if (error.code === "VALIDATION_FAILED") return { message: error.message, fields: error.fields ?? {}, values };
    throw error;
  }
  revalidatePath(`/staff/patients/${patientId}`);
  redirect(`/staff/patients/${patientId}?saved=1`);
}
