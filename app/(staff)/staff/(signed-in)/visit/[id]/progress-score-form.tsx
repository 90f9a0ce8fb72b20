"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/form/button";
import { useFocusOn } from "@/components/form/use-focus-on";
import { recordScoreAction, type ProgressScoreState } from "./progress-actions";

const INPUT = "mt-1 block w-24 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-base tabular-nums";

/** Pain and function at this visit, with the kind of check: one row, one button. */
export function ProgressScoreForm({ appointmentId }: { appointmentId: string }) {
  const initial: ProgressScoreState = { result: null, values: { source: "CHECK" } };
  const [state, action, pending] = useActionState(recordScoreAction.bind(null, appointmentId), initial);
  const noticeRef = useFocusOn<HTMLDivElement>(state.result);
  const t = useTranslations("staffProgress.score");
  const failure = state.result && !state.result.ok ? state.result : null;
  const fieldError = (name: string) => failure?.fields[name];
  return (
    <form action={action} noValidate className="mt-3 space-y-3">
      <div ref={noticeRef} tabIndex={-1} role="status" className="focus:outline-none">
        {failure ? <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{failure.message}</p> : null}
        {state.result?.ok ? <p className="rounded-md border border-teal-700 bg-teal-50 p-3 text-sm">{t("saved")}</p> : null}
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="score-pain" className="block text-sm font-medium">
            {t("pain")}
          </label>
          <input id="score-pain" name="pain" inputMode="numeric" defaultValue={state.values.pain ?? ""} aria-invalid={fieldError("pain") ? true : undefined} className={INPUT} />
        </div>
        <div>
          <label htmlFor="score-function" className="block text-sm font-medium">
            {t("function")}
          </label>
          <input id="score-function" name="function" inputMode="numeric" defaultValue={state.values.function ?? ""} aria-invalid={fieldError("function") ? true : undefined} className={INPUT} />
        </div>
        <div>
          <label htmlFor="score-source" className="block text-sm font-medium">
            {t("source")}
          </label>
          <select id="score-source" name="source" defaultValue={state.values.source ?? "CHECK"} className="mt-1 block rounded-md border border-slate-400 bg-white px-2 py-1.5 text-base">
            <option value="CHECK">{t("CHECK")}</option>
            <option value="DISCHARGE">{t("DISCHARGE")}</option>
          </select>
        </div>
        <button type="submit" disabled={pending} className={buttonClass("primary", "sm")}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
