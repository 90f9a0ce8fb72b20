import { z } from "zod";
import type { ErrorCode } from "../booking/api-types";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";

/** What every staff server action answers its form: done, with data, or refused with reasons it can show. */
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export interface ActionFailure {
  ok: false;
  code: ErrorCode;
  message: string;
  /** One message per form field, by the field's name; "_" for the form as a whole. */
  fields: Record<string, string>;
}

export const VALIDATION_MESSAGE = "Please correct the highlighted fields.";

/**
 * A refusal the form can explain: an AppError as its code and words, a zod
 * error as VALIDATION_FAILED with a message per field. Anything else is a real
 * failure and is thrown on, for Next's error page and the server log.
 */
export function actionFailure(error: unknown): ActionFailure {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, fields: error.fields ?? {} };
  if (error instanceof z.ZodError) {
    const fields = fieldMessages(error, { flat: true });
    const formWide = fields._;
    return { ok: false, code: "VALIDATION_FAILED", message: formWide ?? VALIDATION_MESSAGE, fields };
  }
  throw error;
}

/**
 * A form posted with useActionState: the last answer (null before the first
 * submit) and what was sent, to show again beside the errors.
 */
export interface FormActionState<T> {
  result: ActionResult<T> | null;
  values: Record<string, string>;
}
