"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionResult, FormActionState } from "@/lib/actions/action-result";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { createStaffAccount, deactivateStaffAccount, reactivateStaffAccount, resetStaffAccess } from "@/lib/staff-accounts/mutations";
import { createStaffAccountSchema, type CreateStaffAccountForm } from "@/lib/staff-accounts/schema";

const PAGE = "/staff/admin/staff";
const FIELDS = ["email", "name", "role", "therapistId"] as const;

/** Shown once, then gone with the page. */
export interface CreatedAccount {
  name: string;
  email: string;
  temporaryPassword: string;
}

export type CreateAccountState = FormActionState<CreatedAccount>;

export interface AccountOutcome {
  done: string;
  temporaryPassword: string | null;
}

const accountId = z.guid({ error: "No such staff account." });

export async function createStaffAccountAction(_previous: CreateAccountState, form: FormData): Promise<CreateAccountState> {
  const values = formText(form, FIELDS);
  const result = await staffAction({
    roles: ["ADMIN"],
    schema: createStaffAccountSchema,
    input: values,
    run: async (staff, _data, ctx) => {
      // The mutation parses the form again: its parse is the one that counts.
      const { account, temporaryPassword } = await createStaffAccount(staff, values as CreateStaffAccountForm, ctx);
      revalidatePath(PAGE);
      return { name: account.name, email: account.email, temporaryPassword };
    },
  });
  // A created account empties the form for the next one.
  return { result, values: result.ok ? Object.fromEntries(FIELDS.map((f) => [f, ""])) : values };
}

export async function resetStaffAccessAction(staffUserId: string): Promise<ActionResult<AccountOutcome>> {
  return staffAction({
    roles: ["ADMIN"],
    schema: accountId,
    input: staffUserId,
    run: async (staff, id, ctx) => {
      const { temporaryPassword, sessionsRevoked } = await resetStaffAccess(staff, id, ctx);
      revalidatePath(PAGE);
      const t = await getTranslations("staffAdmin");
      return { done: t("resetDone", { sessions: sessionsRevoked }), temporaryPassword };
    },
  });
}

export async function setStaffActiveAction(staffUserId: string, active: boolean): Promise<ActionResult<AccountOutcome>> {
  return staffAction({
    roles: ["ADMIN"],
    schema: accountId,
    input: staffUserId,
    run: async (staff, id, ctx) => {
      if (active) await reactivateStaffAccount(staff, id, ctx);
      else await deactivateStaffAccount(staff, id, ctx);
      revalidatePath(PAGE);
      const t = await getTranslations("staffAdmin");
      return { done: active ? t("reactivated") : t("deactivated"), temporaryPassword: null };
    },
  });
}
