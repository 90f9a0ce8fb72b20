"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { translator } from "@/lib/i18n/catalog";
import { recordVisit } from "@/lib/visits/mutations";
import { failureMessage } from "./failure-message";
import type { VisitFormState } from "./visit-form-state";

// Only the form's shape: recordVisit parses the values themselves, and says
// "no such visit" rather than "invalid" for an appointment id it cannot use.
const visitForm = z.object({
  appointmentId: z.string(),
  body: z.string(),
  intent: z.string().transform((intent) => (intent === "complete" ? ("complete" as const) : ("save" as const))),
  expectedUpdatedAt: z.string(),
});

/** "Save note" and "Save note and mark complete" on one visit of My day. */
export async function saveVisitAction(_previous: VisitFormState, form: FormData): Promise<VisitFormState> {
  const answeredAt = Date.now();
  const result = await staffAction({
    roles: ["THERAPIST"],
    schema: visitForm,
    input: formText(form, ["appointmentId", "body", "intent", "expectedUpdatedAt"]),
    run: (staff, input, ctx) => recordVisit(staff, input, ctx),
  });
  if (result.ok) {
    refresh();
    const { status, note } = result.data;
    const t = translator("en", "staffToday.form");
    const message = status === "COMPLETED" ? (note ? t("savedAndCompleted") : t("completed")) : t("saved");
    return { outcome: "saved", message, noteError: null, answeredAt };
  }
  // The visit changed under the therapist: show it as it is now.
  if (result.code === "STALE" || result.code === "INVALID_TRANSITION") refresh();
  return { outcome: "failed", message: failureMessage(result), noteError: result.fields.body ?? null, answeredAt };
}
