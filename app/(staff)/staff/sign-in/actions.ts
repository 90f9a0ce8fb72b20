"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { actionFailure, type FormActionState } from "@/lib/actions/action-result";
import { formText } from "@/lib/actions/staff-action";
import { SignInThrottled, signIn } from "@/lib/auth/config";
import { AppError } from "@/lib/errors/app-error";

/** Values hold the email only: a password is never sent back to the page. */
export type SignInState = FormActionState<null>;

const formSchema = z.object({
  email: z.string().trim().min(1, "Enter your email.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
});

// The one form no staff member is signed in for yet, so it answers in the
// shared result shape without the staff action helper's authorisation.
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const values = formText(form, ["email"]);
  try {
    const input = formSchema.parse({ email: values.email, password: formText(form, ["password"]).password });
    // Answers with a redirect to /staff, thrown past the catch below.
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: "/staff" });
  } catch (error) {
    const t = await getTranslations("staffSignIn");
    if (error instanceof SignInThrottled) {
      const message = t("throttled", { minutes: Math.ceil(error.retryAfterSeconds / 60) });
      return { result: actionFailure(new AppError("RATE_LIMITED", message)), values };
    }
    // The same words whether the email exists or not.
    if (error instanceof AuthError) return { result: actionFailure(new AppError("UNAUTHORIZED", t("noMatch"))), values };
    return { result: actionFailure(error), values };
  }
  return { result: { ok: true, data: null }, values };
}
