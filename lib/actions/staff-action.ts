import "server-only";
import type { z } from "zod";
import { authorizeStaff, type StaffMember } from "../auth/require-staff";
import type { StaffRole } from "../db/generated/client";
import type { StaffRequestContext } from "../appointments/mutations";
import { staffContext } from "../http/staff-context";
import { actionFailure, type ActionResult } from "./action-result";

export interface StaffActionOptions<S extends z.ZodType, T> {
  /** Who may run it; none listed means any signed-in staff member. */
  roles: StaffRole[];
  /** Parses what the form sent; a refusal comes back per field. */
  schema: S;
  input: unknown;
  run: (staff: StaffMember, data: z.output<S>, ctx: StaffRequestContext) => Promise<T>;
}

/**
 * The one shape of a staff server action: authorise the staff member, parse
 * the input with zod, run the domain call, and answer ActionResult. Next
 * checks a server action's Origin against its Host, and Stride's request
 * guard refuses page POSTs without a same-origin Origin, before any of this
 * runs. Domain calls parse again and check the role again: the action's
 * checks serve the form, theirs are the ones that count.
 */
export async function staffAction<S extends z.ZodType, T>(options: StaffActionOptions<S, T>): Promise<ActionResult<T>> {
  try {
    const staff = await authorizeStaff(...options.roles);
    const data = options.schema.parse(options.input);
    return { ok: true, data: await options.run(staff, data, await staffContext()) };
  } catch (error) {
    return actionFailure(error);
  }
}

/** A form's text fields by name; anything that is not text (a file) reads as empty. */
export function formText(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, textOf(form.get(name))]));
}

function textOf(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value : "";
}
