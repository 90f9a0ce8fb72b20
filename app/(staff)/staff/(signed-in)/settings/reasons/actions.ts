"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormActionState } from "@/lib/actions/action-result";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { createReason, moveReason, setReasonActive, updateReasonLabels } from "@/lib/reasons/mutations";
import { moveDirectionSchema, REASON_FIELDS, reasonIdSchema, reasonLabelsSchema, type MoveDirection, type ReasonLabelsForm } from "@/lib/reasons/schema";

const PAGE = "/staff/settings/reasons";

export type ReasonFormState = FormActionState<{ id: string }>;

export async function createReasonAction(_previous: ReasonFormState, form: FormData): Promise<ReasonFormState> {
  const values = formText(form, REASON_FIELDS);
  const result = await staffAction({
    roles: ["ADMIN"],
    schema: reasonLabelsSchema,
    input: values,
    run: async (staff, _data, ctx) => {
      // The mutation parses the labels again: its parse is the one that counts.
      const created = await createReason(staff, values as ReasonLabelsForm, ctx);
      revalidatePath(PAGE);
      return created;
    },
  });
  // An added reason empties the form for the next one.
  return { result, values: result.ok ? { labelEn: "", labelEs: "" } : values };
}

export async function updateReasonAction(id: string, _previous: ReasonFormState, form: FormData): Promise<ReasonFormState> {
  const values = formText(form, REASON_FIELDS);
  const result = await staffAction({
    roles: ["ADMIN"],
    schema: reasonLabelsSchema.extend({ id: reasonIdSchema }),
    input: { ...values, id },
    run: async (staff, data, ctx) => {
      await updateReasonLabels(staff, data.id, values as ReasonLabelsForm, ctx);
      revalidatePath(PAGE);
      return { id: data.id };
    },
  });
  return { result, values };
}

export async function moveReasonAction(id: string, direction: MoveDirection): Promise<ActionResult<null>> {
  return staffAction({
    roles: ["ADMIN"],
    schema: z.object({ id: reasonIdSchema, direction: moveDirectionSchema }),
    input: { id, direction },
    run: async (staff, data, ctx) => {
      await moveReason(staff, data.id, data.direction, ctx);
      revalidatePath(PAGE);
      return null;
    },
  });
}

export async function setReasonActiveAction(id: string, active: boolean): Promise<ActionResult<null>> {
  return staffAction({
    roles: ["ADMIN"],
    schema: z.object({ id: reasonIdSchema, active: z.boolean() }),
    input: { id, active },
    run: async (staff, data, ctx) => {
      await setReasonActive(staff, data.id, data.active, ctx);
      revalidatePath(PAGE);
      return null;
    },
  });
}
