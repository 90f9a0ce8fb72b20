"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/form/button";
import { useFocusOn } from "@/components/form/use-focus-on";
import { createReasonAction, type ReasonFormState } from "./actions";
import { ReasonLabelFields } from "./reason-label-fields";

const INITIAL: ReasonFormState = { result: null, values: { labelEn: "", labelEs: "" } };
const NO_FIELDS: Record<string, string> = {};

export function AddReasonForm() {
  const [state, action, pending] = useActionState(createReasonAction, INITIAL);
  const noticeRef = useFocusOn<HTMLDivElement>(state.result);
  const failure = state.result && !state.result.ok ? state.result : null;
  const t = useTranslations("staffSettings");
  return (
    <form action={action} noValidate className="space-y-4">
      <div ref={noticeRef} tabIndex={-1} role="status" className="focus:outline-none">
        {failure ? <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{failure.message}</p> : null}
        {state.result?.ok ? <p className="text-sm text-slate-700">{t("reasons.added")}</p> : null}
      </div>
      <ReasonLabelFields idPrefix="new-reason" values={state.values} fields={failure?.fields ?? NO_FIELDS} />
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? t("adding") : t("reasons.addSubmit")}
      </button>
    </form>
  );
}
