"use client";

import { buttonClass } from "@/components/form/button";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { resetStaffAccessAction, setStaffActiveAction, type AccountOutcome } from "./actions";
import { TemporaryPassword } from "./temporary-password";

const IDLE: ActionResult<AccountOutcome> | null = null;

const said = (result: ActionResult<AccountOutcome> | null) => (result === null ? null : result.ok ? result.data.done : result.message);

interface Props {
  account: { id: string; name: string; active: boolean };
}

/** Reset access and deactivate or reactivate one account; the outcome is announced in the row. */
export function AccountActions({ account }: Props) {
  const [reset, resetAction, resetting] = useActionState<ActionResult<AccountOutcome> | null>(resetStaffAccessAction.bind(null, account.id), IDLE);
  const [toggled, toggleAction, toggling] = useActionState<ActionResult<AccountOutcome> | null>(setStaffActiveAction.bind(null, account.id, !account.active), IDLE);
  const outcome = said(toggled) ?? said(reset);
  const failed = toggled?.ok === false || reset?.ok === false;
  const temporaryPassword = reset?.ok ? reset.data.temporaryPassword : null;
  const button = buttonClass("secondary","sm");
  const t = useTranslations("staffAdmin");
  const active = account.active ? "yes" : "no";

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={resetAction}>
          <button type="submit" disabled={resetting} className={button} aria-label={t("resetLabel", { name: account.name })}>
            {resetting ? t("resetting") : t("reset")}
          </button>
        </form>
        <form action={toggleAction}>
          <button type="submit" disabled={toggling} className={button} aria-label={t("toggleLabel", { active, name: account.name })}>
            {t("toggle", { active })}
          </button>
        </form>
      </div>
      <div role="status" className="text-sm">
        {outcome ? <p className={failed ? "text-red-800" : "text-slate-700"}>{outcome}</p> : null}
        {temporaryPassword ? <TemporaryPassword password={temporaryPassword} forWhom={account.name} /> : null}
      </div>
    </div>
  );
}
