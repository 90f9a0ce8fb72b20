"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormActionState } from "@/lib/actions/action-result";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { updatePatientContact } from "@/lib/patients/mutations";
import { PATIENT_CONTACT_FIELDS, patientContactSchema, type PatientContactForm } from "@/lib/patients/schema";

/** Values are what was submitted, shown again beside the errors; empty shows the saved details. */
export type ContactFormState = FormActionState<null>;

export async function updatePatientContactAction(patientId: string, expectedUpdatedAt: string, _previous: ContactFormState, form: FormData): Promise<ContactFormState> {
  const values = formText(form, PATIENT_CONTACT_FIELDS);
  const result = await staffAction({
    roles: ["ADMIN", "FRONT_DESK"],
    schema: patientContactSchema,
    input: values,
    run: async (staff, _data, ctx) => {
      // The mutation parses the form again: its parse is the one that counts.
      await updatePatientContact(staff, patientId, values as PatientContactForm, ctx, new Date(expectedUpdatedAt));
      return null;
    },
  });
  if (result.ok) {
    revalidatePath(`/staff/patients/${patientId}`);
    redirect(`/staff/patients/${patientId}?saved=1`);
  }
  // Someone else saved first: show their details, not the ones just sent.
  if (result.code === "STALE") {
    revalidatePath(`/staff/patients/${patientId}/edit`);
    return { result, values: {} };
  }
  return { result, values };
}
