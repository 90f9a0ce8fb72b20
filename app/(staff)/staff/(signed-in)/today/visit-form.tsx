"use client";

import { buttonClass } from "@/components/form/button";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useId, useRef, type FormEvent } from "react";
import { VISIT_NOTE_MAX_CHARS } from "@/lib/visits/schema";
import { saveVisitAction } from "./actions";
import { INITIAL_VISIT_FORM_STATE } from "./visit-form-state";

interface VisitFormProps {
  appointmentId: string;
  /** The visit's updatedAt as rendered (ISO 8601); the server refuses the change if it moved since. */
  expectedUpdatedAt: string;
  note: string;
  canComplete: boolean;
}

export function VisitForm({ appointmentId, expectedUpdatedAt, note, canComplete }: VisitFormProps) {
  const t = useTranslations("staffToday.form");
  const [state, action, pending] = useActionState(saveVisitAction, INITIAL_VISIT_FORM_STATE);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const noteId = `${id}-note`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  // The button pressed may be gone after the page refreshes (a completed visit
  // has no "mark complete"), so focus goes to the answer, or to the note when
  // the note is what needs fixing.
  useEffect(() => {
    if (!state.answeredAt) return;
    if (state.noteError) noteRef.current?.focus();
    else messageRef.current?.focus();
  }, [state.answeredAt, state.noteError]);

  function submit(event: FormEvent<HTMLFormElement>) {
    // Dispatched by hand: React resets a form after its own action, and the
    // note must stay on screen, above all when it was not saved.
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => action(data));
  }

  return (
    <form action={action} onSubmit={submit} className="mt-4 space-y-3 border-t border-slate-200 pt-4">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <input type="hidden" name="expectedUpdatedAt" value={expectedUpdatedAt} />
      <div>
        <label htmlFor={noteId} className="block font-medium">
          {t("note")}
        </label>
        <p id={hintId} className="text-sm text-slate-600">
          {t("hint", { max: VISIT_NOTE_MAX_CHARS })}
        </p>
        <textarea
          ref={noteRef}
          id={noteId}
          name="body"
          defaultValue={note}
          maxLength={VISIT_NOTE_MAX_CHARS}
          rows={3}
          aria-describedby={state.noteError ? `${hintId} ${errorId}` : hintId}
          aria-invalid={state.noteError ? true : undefined}
          className="mt-1.5 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
        />
        {state.noteError ? (
          <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
            {state.noteError}
          </p>
        ) : null}
      </div>
      <div aria-live="polite" aria-atomic="true">
        {state.outcome === "saved" ? (
          <p ref={messageRef} tabIndex={-1} className="rounded-md border border-teal-300 bg-teal-50 px-3 py-2 text-sm font-medium text-teal-900">
            {state.message}
          </p>
        ) : null}
      </div>
      {state.outcome === "failed" && !state.noteError ? (
        <p ref={messageRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {state.message}
        </p>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={pending}
          className={`min-h-11 ${buttonClass("secondary")}`}
        >
          {t("save")}
        </button>
        {canComplete ? (
          <button
            type="submit"
            name="intent"
            value="complete"
            disabled={pending}
            className={`min-h-11 ${buttonClass("primary")}`}
          >
            {t("complete")}
          </button>
        ) : null}
        {pending ? (
          <span className="self-center text-sm text-slate-700" aria-hidden="true">
            {t("saving")}
          </span>
        ) : null}
      </div>
    </form>
  );
}
