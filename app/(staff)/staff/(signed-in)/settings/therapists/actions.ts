"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { checkImageUpload } from "@/lib/images/image-file";
import type { ScheduleChangeResult } from "@/lib/schedules/types";
import { addTherapistLogin, createTherapist, updateTherapist, type CreatedTherapist } from "@/lib/therapists/mutations";
import { createTherapistSchema, therapistLoginSchema, updateTherapistSchema, type CreateTherapistInput, type UpdateTherapistInput } from "@/lib/therapists/schema";

const LIST = "/staff/settings/therapists";
const TEXT_FIELDS = ["firstName", "lastName", "credentials", "bioEn", "bioEs", "removePhoto"] as const;
const LIST_FIELDS = ["languages", "visitModes", "locationIds", "serviceIds"] as const;

/** The form's fields as the schemas read them: text by name, checkbox groups as lists. */
function therapistInput(form: FormData): Record<string, string | string[]> {
  const lists = Object.fromEntries(LIST_FIELDS.map((name) => [name, form.getAll(name).filter((v): v is string => typeof v === "string")]));
  return { ...formText(form, TEXT_FIELDS), ...lists };
}

const formShape = z.object({ form: z.instanceof(FormData, { error: "The form could not be read. Reload the page and try again." }) });

export async function createTherapistAction(input: { form: FormData }): Promise<ActionResult<CreatedTherapist>> {
  return staffAction({
    roles: ["ADMIN"],
    schema: formShape,
    input,
    run: async (staff, { form }, ctx) => {
      const values = { ...therapistInput(form), ...formText(form, ["loginEmail"]) };
      // Fields are checked before the picture is read; the mutation parses them again, and its parse is the one that counts.
      createTherapistSchema.parse(values);
      const photo = await checkImageUpload(form.get("photo"), "photo");
      const created = await createTherapist(staff, values as CreateTherapistInput, photo, ctx);
      revalidatePath(LIST);
      return created;
    },
  });
}

export async function updateTherapistAction(input: { form: FormData; confirmStranded?: string[] }): Promise<ActionResult<ScheduleChangeResult>> {
  const result = await staffAction({
    roles: ["ADMIN"],
    schema: formShape.extend({ confirmStranded: z.array(z.string()).max(1000).optional() }),
    input,
    run: async (staff, { form, confirmStranded }, ctx) => {
      const values = { ...therapistInput(form), ...formText(form, ["id", "active"]), confirmStranded };
      updateTherapistSchema.parse(values);
      const photo = await checkImageUpload(form.get("photo"), "photo");
      return updateTherapist(staff, values as UpdateTherapistInput, photo, ctx);
    },
  });
  if (result.ok && result.data.status === "saved") {
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${result.data.id}`);
  }
  return result;
}

export async function addTherapistLoginAction(therapistId: string, _previous: ActionResult<{ email: string; temporaryPassword: string }> | null, form: FormData): Promise<ActionResult<{ email: string; temporaryPassword: string }>> {
  const values = { therapistId, ...formText(form, ["loginEmail"]) };
  return staffAction({
    roles: ["ADMIN"],
    schema: therapistLoginSchema,
    input: values,
    run: async (staff, data, ctx) => {
      const login = await addTherapistLogin(staff, data, ctx);
      revalidatePath(LIST);
      return login;
    },
  });
}
