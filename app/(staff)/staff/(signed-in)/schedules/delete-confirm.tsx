"use client";

import type { ActionResult } from "@/lib/actions/action-result";
import type { ScheduleChangeResult, StrandedAppointment } from "@/lib/schedules/types";
import { FormErrors } from "./form-errors";
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
      <FormErrors fields={change.fields} message={change.message} attempt={change.attempt} controlIds={{}} />
      <p className="mt-2 font-semibold">{what}</p>
      <p className="mt-1 text-slate-700">{consequence}</p>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={() => change.submit({})} disabled={change.pending} className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60">
          {change.pending ? "Deleting…" : "Delete"}
        </button>
        <button type="button" onClick={onCancel} data-initial-focus className="rounded-md border border-slate-400 px-4 py-2 font-semibold hover:bg-slate-100">
          Keep it
        </button>
      </div>
    </div>
  );
}
