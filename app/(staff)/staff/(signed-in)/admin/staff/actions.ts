"use server";

import { revalidatePath } from "next/cache";
import { authorizeStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors/app-error";
import { staffContext } from "@/lib/http/staff-context";
import { createStaffAccount, deactivateStaffAccount, reactivateStaffAccount, resetStaffAccess } from "@/lib/staff-accounts/mutations";
import type { CreateStaffAccountForm } from "@/lib/staff-accounts/schema";

const PAGE = "/staff/admin/staff";

export interface CreateAccountState {
  message: string | null;
  fields: Record<string, string>;
  values: Record<string, string>;
  /** Shown once, then gone with the page. */
  created: { name: string; email: string; temporaryPassword: string } | null;
}

export interface AccountActionState {
  error: string | null;
  done: string | null;
  temporaryPassword: string | null;
}

/** AppErrors the form can explain; anything else is a real failure. */
function explain(error: unknown): AppError {
  if (error instanceof AppError && ["VALIDATION_FAILED", "FORBIDDEN", "NOT_FOUND"].includes(error.code)) return error;
  throw error;
}

export async function createStaffAccountAction(_previous: CreateAccountState, form: FormData): Promise<CreateAccountState> {
  const staff = await authorizeStaff("ADMIN");
  const values = {
    email: String(form.get("email") ?? ""),
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
    therapistId: String(form.get("therapistId") ?? ""),
  };
  try {
    const { account, temporaryPassword } = await createStaffAccount(staff, values as CreateStaffAccountForm, await staffContext());
    revalidatePath(PAGE);
    return { message: null, fields: {}, values: { email: "", name: "", role: "", therapistId: "" }, created: { name: account.name, email: account.email, temporaryPassword } };
  } catch (error) {
    const known = explain(error);
    return { message: known.message, fields: known.fields ?? {}, values, created: null };
  }
}

export async function resetStaffAccessAction(staffUserId: string): Promise<AccountActionState> {
  const staff = await authorizeStaff("ADMIN");
  try {
    const { temporaryPassword, sessionsRevoked } = await resetStaffAccess(staff, staffUserId, await staffContext());
    revalidatePath(PAGE);
    const ended = sessionsRevoked === 1 ? "1 open session was" : `${sessionsRevoked} open sessions were`;
    return { error: null, done: `Access reset; ${ended} ended.`, temporaryPassword };
  } catch (error) {
    return { error: explain(error).message, done: null, temporaryPassword: null };
  }
}

export async function setStaffActiveAction(staffUserId: string, active: boolean): Promise<AccountActionState> {
  const staff = await authorizeStaff("ADMIN");
  try {
    const ctx = await staffContext();
    if (active) await reactivateStaffAccount(staff, staffUserId, ctx);
    else await deactivateStaffAccount(staff, staffUserId, ctx);
    revalidatePath(PAGE);
    return { error: null, done: active ? "Account reactivated." : "Account deactivated; its sessions were ended.", temporaryPassword: null };
  } catch (error) {
    return { error: explain(error).message, done: null, temporaryPassword: null };
  }
}
