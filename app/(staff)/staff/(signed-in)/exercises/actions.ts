"use server";

import { revalidatePath } from "next/cache";
import type { FormActionState } from "@/lib/actions/action-result";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { createExercise, updateExercise } from "@/lib/exercises/mutations";
import { EXERCISE_FIELDS, exerciseFormSchema, exerciseIdSchema, type ExerciseForm } from "@/lib/exercises/schema";

const PAGE = "/staff/exercises";
const EMPTY = Object.fromEntries([...EXERCISE_FIELDS, "perSide"].map((name) => [name, ""]));

export type ExerciseFormState = FormActionState<{ id: string }>;

function exerciseValues(form: FormData): Record<string, string> {
  return { ...formText(form, EXERCISE_FIELDS), perSide: form.get("perSide") === "on" ? "on" : "" };
}

export async function createExerciseAction(_previous: ExerciseFormState, form: FormData): Promise<ExerciseFormState> {
  const values = exerciseValues(form);
  const result = await staffAction({
    roles: ["ADMIN", "FRONT_DESK", "THERAPIST"],
    schema: exerciseFormSchema,
    input: values,
    run: async (staff, _data, ctx) => {
      // The mutation parses the form again: its parse is the one that counts.
      const created = await createExercise(staff, values as ExerciseForm, ctx);
      revalidatePath(PAGE);
      return created;
    },
  });
  // An added exercise empties the form for the next one.
  return { result, values: result.ok ? EMPTY : values };
}

export async function updateExerciseAction(id: string, _previous: ExerciseFormState, form: FormData): Promise<ExerciseFormState> {
  const values: Record<string, string> = { ...exerciseValues(form), active: form.get("active") === "on" ? "on" : "" };
  const result = await staffAction({
    roles: ["ADMIN", "FRONT_DESK", "THERAPIST"],
    schema: exerciseFormSchema.safeExtend({ id: exerciseIdSchema }),
    input: { ...values, id },
    run: async (staff, data, ctx) => {
      await updateExercise(staff, data.id, { ...(values as ExerciseForm), active: values.active === "on" }, ctx);
      revalidatePath(PAGE);
      return { id: data.id };
    },
  });
  return { result, values };
}
