"use server";

import { refresh } from "next/cache";
import { authorizeStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { staffContext } from "@/lib/http/staff-context";
import { recordVisit } from "@/lib/visits/mutations";
import { failureMessage } from "./failure-message";
import type { VisitFormState } from "./visit-form-state";

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** "Save note" and "Save note and mark complete" on one visit of My day. */
export async function saveVisitAction(_previous: VisitFormState, form: FormData): Promise<VisitFormState> {
  const answeredAt = Date.now();
  try {
    const staff = await authorizeStaff("THERAPIST");
    const result = await recordVisit(
      staff,
      {
        appointmentId: field(form, "appointmentId"),
        body: field(form, "body"),
        intent: field(form, "intent") === "complete" ? "complete" : "save",
        expectedUpdatedAt: field(form, "expectedUpdatedAt"),
      },
      await staffContext(),
    );
    refresh();
    const message = result.status === "COMPLETED" ? (result.note ? "Note saved and visit marked complete." : "Visit marked complete.") : "Note saved.";
    return { outcome: "saved", message, noteError: null, answeredAt };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // The visit changed under the therapist: show it as it is now.
    if (error.code === "STALE" || error.code === "INVALID_TRANSITION") refresh();
    return { outcome: "failed", message: failureMessage(error), noteError: error.fields?.body ?? null, answeredAt };
  }
}
