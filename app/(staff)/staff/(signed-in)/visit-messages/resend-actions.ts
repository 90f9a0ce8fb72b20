"use server";

import type { FormActionState } from "@/lib/actions/action-result";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { resendVisitLinks } from "@/lib/messages/mutations";
import { resendLinksSchema } from "@/lib/messages/schema";

const FIELDS = ["appointmentId", "formId"] as const;

export type ResendLinksState = FormActionState<{ queued: boolean; recipient: string }>;

/** The front desk sends a patient their visit's links again, from the calendar or the patient's profile. */
export async function resendLinksAction(_previous: ResendLinksState, form: FormData): Promise<ResendLinksState> {
  const values = formText(form, FIELDS);
  const result = await staffAction({
    roles: ["ADMIN", "FRONT_DESK"],
    schema: resendLinksSchema,
    input: values,
    run: (staff, data, ctx) => resendVisitLinks(staff, data, ctx),
  });
  return { result, values };
}
