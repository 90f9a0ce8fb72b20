"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormActionState } from "@/lib/actions/action-result";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { updatePracticeSettings, type PracticeUpdate } from "@/lib/practice/mutations";
import { PRACTICE_SETTINGS_FIELDS, type PracticeSettingsForm } from "@/lib/practice/schema";

export type PracticeSettingsState = FormActionState<PracticeUpdate>;

export async function updatePracticeSettingsAction(_previous: PracticeSettingsState, form: FormData): Promise<PracticeSettingsState> {
  const values = formText(form, PRACTICE_SETTINGS_FIELDS);
  const result = await staffAction({
    roles: ["ADMIN"],
    // Only the shape here: the mutation checks the text and the logo
    // together, so a form with both wrong shows both messages at once.
    schema: z.record(z.string(), z.string()),
    input: values,
    run: async (staff, _data, ctx) => {
      const update = await updatePracticeSettings(staff, values as PracticeSettingsForm, form.get("logo"), ctx);
      revalidatePath("/staff/settings");
      return update;
    },
  });
  // "Remove the logo" is done once saved; the box starts unticked again.
  return { result, values: result.ok ? { ...values, removeLogo: "" } : values };
}
