"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/form/button";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import { signInAction, type SignInState } from "./actions";

const NO_FIELDS: Record<string, string> = {};

export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { result: null, values: { email: "" } });
  const failure = state.result?.ok === false ? state.result : null;
  const fields = failure?.fields ?? NO_FIELDS;
  const errorRef = useFocusOn<HTMLParagraphElement>(failure);
  const t = useTranslations("staffSignIn");

  return (
    <form action={action} className="space-y-4" noValidate>
      {failure ? (
        <p ref={errorRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {failure.message}
        </p>
      ) : null}
      <TextField id="email" name="email" label={t("email")} type="email" autoComplete="username" required defaultValue={state.values.email} error={fields.email} />
      <TextField id="password" name="password" label={t("password")} type="password" autoComplete="current-password" required error={fields.password} />
      <button type="submit" disabled={pending} className={`w-full ${buttonClass("primary")}`}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
