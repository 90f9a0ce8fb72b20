"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/form/button";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import type { ActionResult } from "@/lib/actions/action-result";
import { TemporaryPassword } from "../../../admin/staff/temporary-password";
import { addTherapistLoginAction } from "../actions";

type LoginResult = ActionResult<{ email: string; temporaryPassword: string }> | null;

interface LoginSectionProps {
  therapist: { id: string; name: string; active: boolean };
  login: { email: string; active: boolean } | null;
}

/** The therapist's staff login: shown when there is one, else a form to make one with a temporary password. */
export function LoginSection({ therapist, login }: LoginSectionProps) {
  const [result, action, pending] = useActionState<LoginResult, FormData>(addTherapistLoginAction.bind(null, therapist.id), null);
  const noticeRef = useFocusOn<HTMLDivElement>(result);
  const made = result?.ok ? result.data : null;
  const failure = result && !result.ok ? result : null;
  const t = useTranslations("staffSettings.therapists");

  if (made) {
    return (
      <div ref={noticeRef} tabIndex={-1} role="status" className="space-y-2 focus:outline-none">
        <p>{t("loginMade", { email: made.email })}</p>
        <TemporaryPassword password={made.temporaryPassword} forWhom={therapist.name} />
      </div>
    );
  }
  if (login) {
    return (
      <p>
        {t.rich("signsInAs", {
          name: therapist.name,
          email: login.email,
          active: login.active ? "yes" : "no",
          b: (chunks) => <span className="font-semibold">{chunks}</span>,
        })}
      </p>
    );
  }
  if (!therapist.active) return <p>{t("noLoginInactive", { name: therapist.name })}</p>;
  return (
    <form action={action} noValidate className="space-y-3">
      <div ref={noticeRef} tabIndex={-1} role="status" className="focus:outline-none">
        {failure && !failure.fields.loginEmail ? <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{failure.message}</p> : null}
      </div>
      <TextField
        id="login-email"
        name="loginEmail"
        type="email"
        label={t("loginEmail")}
        hint={t("loginEmailHint", { name: therapist.name })}
        autoComplete="off"
        error={failure?.fields.loginEmail}
      />
      <button type="submit" disabled={pending} className={buttonClass("secondary")}>
        {pending ? t("makingLogin") : t("giveLogin")}
      </button>
    </form>
  );
}
