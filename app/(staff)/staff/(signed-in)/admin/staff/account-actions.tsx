"use client";

import { useActionState } from "react";
import { resetStaffAccessAction, setStaffActiveAction, type AccountActionState } from "./actions";
import { TemporaryPassword } from "./temporary-password";

const IDLE: AccountActionState = { error: null, done: null, temporaryPassword: null };

interface Props {
  account: { id: string; name: string; active: boolean };
}

/** Reset access and deactivate or reactivate one account; the outcome is announced in the row. */
export function AccountActions({ account }: Props) {
  const [reset, resetAction, resetting] = useActionState(resetStaffAccessAction.bind(null, account.id), IDLE);
  const [toggled, toggleAction, toggling] = useActionState(setStaffActiveAction.bind(null, account.id, !account.active), IDLE);
  const outcome = toggled.error ?? toggled.done ?? reset.error ?? reset.done;
  const button = "rounded-md border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={resetAction}>
          <button type="submit" disabled={resetting} className={button} aria-label={`Reset access for ${account.name}`}>
            {resetting ? "Resetting…" : "Reset access"}
          </button>
        </form>
        <form action={toggleAction}>
          <button type="submit" disabled={toggling} className={button} aria-label={`${account.active ? "Deactivate" : "Reactivate"} ${account.name}`}>
            {account.active ? "Deactivate" : "Reactivate"}
          </button>
        </form>
      </div>
      <div role="status" className="text-sm">
        {outcome ? <p className={reset.error || toggled.error ? "text-red-800" : "text-slate-700"}>{outcome}</p> : null}
        {reset.temporaryPassword ? <TemporaryPassword password={reset.temporaryPassword} forWhom={account.name} /> : null}
      </div>
    </div>
  );
}
