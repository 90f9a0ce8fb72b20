"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import type { ScheduleChangeResult, StrandedAppointment } from "@/lib/schedules/types";

export interface StrandedQuestion {
  stranded: StrandedAppointment[];
  /** True when the staff member had confirmed a list and the server found a different one. */
  changed: boolean;
}

/**
 * The submit cycle every schedule form shares: send, show field errors, or
 * stop on the stranded-visits question and re-send with the list the staff
 * member saw, so the server can tell whether it changed meanwhile.
 */
export function useScheduleChange<I extends object>(
  action: (input: I & { confirmStranded?: string[] }) => Promise<ActionResult<ScheduleChangeResult>>,
  onSaved: (stranded: StrandedAppointment[], id: string) => void,
) {
  const t = useTranslations("staffSchedules");
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [question, setQuestion] = useState<StrandedQuestion | null>(null);
  // Bumped on every refusal, so the error summary takes focus each time.
  const [attempt, setAttempt] = useState(0);

  function showErrors(next: Record<string, string>, nextMessage: string | null = null) {
    setQuestion(null);
    setFields(next);
    setMessage(nextMessage);
    setAttempt((n) => n + 1);
  }

  function submit(input: I, confirmStranded?: string[]) {
    startTransition(async () => {
      let result: ActionResult<ScheduleChangeResult>;
      try {
        result = await action({ ...input, confirmStranded });
      } catch {
        showErrors({}, t("saveFailed"));
        return;
      }
      if (!result.ok) {
        showErrors(result.fields, Object.keys(result.fields).length === 0 ? result.message : null);
      } else if (result.data.status === "saved") {
        // A question asked before is answered: a form that stays open shows itself again.
        setQuestion(null);
        onSaved(result.data.stranded, result.data.id);
      } else {
        setFields({});
        setMessage(null);
        setQuestion({ stranded: result.data.stranded, changed: confirmStranded !== undefined });
      }
    });
  }

  return { pending, fields, message, question, attempt, submit, showErrors, dismissQuestion: () => setQuestion(null) };
}
