"use client";

import { buttonClass } from "@/components/form/button";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action-result";
import type { ScheduleChangeResult, StrandedAppointment } from "@/lib/schedules/types";
import { ErrorSummary, summaryErrors } from "@/components/form/error-summary";
import { StrandedWarning } from "./stranded-warning";
import { useScheduleChange } from "./use-schedule-change";

interface DeleteConfirmProps {
  /** What is deleted, in words, e.g. "Monday 8:00 AM – 12:00 PM at Westside". */
  what: string;
  consequence: string;
  therapistFirstName: string;
  action: (input: { confirmStranded?: string[] }) => Promise<ActionResult<ScheduleChangeResult>>;
  onSaved: (stranded: StrandedAppointment[]) => void;
  onCancel: () => void;
}

/** Asks before deleting, and asks again about any visits the deletion would strand. */
export function DeleteConfirm({ what, consequence, therapistFirstName, action, onSaved, onCancel }: DeleteConfirmProps) {
  const t = useTranslations("staffSchedules");
  const change = useScheduleChange(action, onSaved);
  if (change.question) {
    return (
      <StrandedWarning
        question={change.question}
        therapistFirstName={therapistFirstName}
        pending={change.pending}
        onConfirm={() => change.submit({}, change.question?.stranded.map((s) => s.id))}
        onBack={onCancel}
      />
    );
  }
  return (
    <div className="mt-2">
      <ErrorSummary title={t("pleaseCheck")} errors={summaryErrors(change.fields, change.message, {})} focusKey={change.attempt} className="mt-4" />
      <p className="mt-2 font-semibold">{what}</p>
      <p className="mt-1 text-slate-700">{consequence}</p>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={() => change.submit({})} disabled={change.pending} className={buttonClass("danger")}>
          {change.pending ? t("delete.deleting") : t("delete.delete")}
        </button>
        <button type="button" onClick={onCancel} data-initial-focus className={buttonClass("secondary")}>
          {t("delete.keep")}
        </button>
      </div>
    </div>
  );
}
