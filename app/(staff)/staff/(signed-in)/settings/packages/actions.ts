"use server";

import { revalidatePath } from "next/cache";
import type { FormActionState } from "@/lib/actions/action-result";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { createPackageOffer, updatePackageOffer } from "@/lib/packages/mutations";
import { packageOfferFormSchema, packageOfferUpdateSchema, type PackageOfferForm } from "@/lib/packages/schema";

const PAGE = "/staff/settings/packages";
const FIELDS = ["nameEn", "nameEs", "serviceId", "visits", "validityDays", "price", "sortOrder"] as const;

export type OfferFormState = FormActionState<{ id: string }>;

/** Adds a package offer (id null) or changes one; the mutations parse again and audit. */
export async function saveOfferAction(id: string | null, _previous: OfferFormState, form: FormData): Promise<OfferFormState> {
  const values = formText(form, FIELDS);
  // The mutations parse again: theirs is the parse that counts.
  const input = { ...values, active: form.get("active") === "on" } as PackageOfferForm;
  const result = id
    ? await staffAction({
        roles: ["ADMIN"],
        schema: packageOfferUpdateSchema,
        input: { ...input, id },
        run: async (staff, _data, ctx) => updatePackageOffer(staff, { ...input, id }, ctx),
      })
    : await staffAction({
        roles: ["ADMIN"],
        schema: packageOfferFormSchema,
        input,
        run: async (staff, _data, ctx) => createPackageOffer(staff, input, ctx),
      });
  if (result.ok) revalidatePath(PAGE);
  return { result, values: { ...values, active: input.active ? "on" : "" } };
}
