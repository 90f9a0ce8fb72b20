"use server";

import { revalidatePath } from "next/cache";
import type { FormActionState } from "@/lib/actions/action-result";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { recordProgressScore } from "@/lib/progress/mutations";
import { recordScoreSchema } from "@/lib/progress/schema";

export type ProgressScoreState = FormActionState<{ id: string }>;

/** The visit's "Progress check" form: pain and function now, as a check or at discharge. */
export async function recordScoreAction(appointmentId: string, _previous: ProgressScoreState, form: FormData): Promise<ProgressScoreState> {
  const values = formText(form, ["pain", "function", "source"]);
  const input = { appointmentId, pain: values.pain ?? "", function: values.function ?? "", source: (values.source ?? "") as "CHECK" };
  const result = await staffAction({
    roles: ["THERAPIST", "ADMIN"],
    schema: recordScoreSchema,
    input,
    run: async (staff, _data, ctx) => {
      const score = await recordProgressScore(staff, input, ctx);
      revalidatePath(`/staff/visit/${appointmentId}`);
      return score;
    },
  });
  return { result, values: result.ok ? { source: values.source ?? "CHECK" } : values };
}
