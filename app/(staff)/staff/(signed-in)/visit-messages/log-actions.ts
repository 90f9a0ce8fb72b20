"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { staffAction } from "@/lib/actions/staff-action";
import { countFailedVisitMessages, loadVisitMessages, type VisitMessageRow } from "@/lib/messages/data";
import { visitMessagesSchema } from "@/lib/messages/schema";

/** Every message about one visit, read when staff ask for it (an audited read of patient data). */
export async function visitMessagesAction(input: unknown): Promise<ActionResult<VisitMessageRow[]>> {
  return staffAction({
    roles: ["ADMIN", "FRONT_DESK", "THERAPIST"],
    schema: visitMessagesSchema,
    input,
    run: (staff, data, ctx) => loadVisitMessages(staff, data.appointmentId, ctx),
  });
}

/** How many of a visit's messages failed for good, for the marker shown unasked. */
export async function failedVisitMessagesAction(input: unknown): Promise<ActionResult<number>> {
  return staffAction({
    roles: ["ADMIN", "FRONT_DESK", "THERAPIST"],
    schema: visitMessagesSchema,
    input,
    run: (staff, data) => countFailedVisitMessages(staff, data.appointmentId),
  });
}
