"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from "react";
import { FieldError } from "@/components/form/field-error";
import { RadioCard } from "@/components/form/radio-card";
import { TextField } from "@/components/form/text-field";
import { primaryButton } from "./button-styles";
import { OTHER_REASON } from "./booking-draft";
import { StepProgress } from "./step-progress";

// The first question is a plain HTML form the server renders whole: its radio
// buttons answer taps and its "Continue" submits (GET /en/book?step=kind&reason=…)
// before any script has arrived, so a patient on a slow phone can start at once.
// Once the page's script runs, the submit is handled here and the later steps
// load without leaving the page. This file stays small on purpose: it is part
// of the page's first script, and the translation runtime, the query cache and
// the later steps load only when the patient starts answering.

export interface ReasonFormWords {
  /** "Step 1 of 5", already filled in. */
  stepOf: string;
  title: string;
  legend: string;
  other: string;
  otherLabel: string;
  chooseError: string;
  otherError: string;
  continue: string;
}

export interface ReasonChoice {
  choice: string | null;
  other: string;
}

interface ReasonFormProps {
  language: string;
  reasons: { slug: string; label: string }[];
  words: ReasonFormWords;
  /** What the form shows checked when it is first rendered, e.g. from a submission made before the script loaded. */
  initial: ReasonChoice;
  hidden: boolean;
  focusHeading: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  /** The patient started answering: a good moment to fetch the later steps. */
  onInteract: () => void;
  onValid: (reason: ReasonChoice) => void;
}

/** What the form holds now, read from the form itself (its radio buttons are the browser's own). */
export function readReasonForm(form: HTMLFormElement): ReasonChoice {
  const data = new FormData(form);
  const choice = data.get("reason");
  const other = data.get("other");
  return { choice: typeof choice === "string" && choice ? choice : null, other: typeof other === "string" ? other : "" };
}

/** Puts a remembered answer back into the form, e.g. after a reload. */
export function fillReasonForm(form: HTMLFormElement, reason: ReasonChoice) {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="reason"]')) input.checked = input.value === reason.choice;
  const other = form.querySelector<HTMLInputElement>('input[name="other"]');
  if (other) other.value = reason.other;
}

export function ReasonForm({ language, reasons, words, initial, hidden, focusHeading, formRef, onInteract, onValid }: ReasonFormProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<"choose" | "other" | null>(null);

  useEffect(() => {
    if (focusHeading && !hidden) headingRef.current?.focus();
  }, [focusHeading, hidden]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const reason = readReasonForm(form);
    if (!reason.choice) {
      setError("choose");
      form.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
      return;
    }
    if (reason.choice === OTHER_REASON && !reason.other.trim()) {
      setError("other");
      form.querySelector<HTMLInputElement>('input[name="other"]')?.focus();
      return;
    }
    setError(null);
    onValid(reason);
  };

  return (
    <section hidden={hidden} aria-labelledby={headingId} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <StepProgress step={1} />
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900">
        <span className="block text-sm font-semibold text-brand-800">{words.stepOf}</span> {words.title}
      </h2>
      <form
        ref={formRef}
        method="get"
        action={`/${language}/book`}
        noValidate
        onSubmit={submit}
        onPointerDown={onInteract}
        onFocus={onInteract}
        onChange={() => setError((current) => (current === "choose" ? null : current))}
        className="group/reason mt-5 space-y-6"
      >
        <input type="hidden" name="step" value="kind" />
        <fieldset aria-describedby={error === "choose" ? "reason-error" : undefined} className="space-y-3">
          <legend className="mb-3 text-slate-700">{words.legend}</legend>
          <FieldError id="reason-error" message={error === "choose" ? words.chooseError : undefined} />
          {reasons.map((reason) => (
            <RadioCard
              key={reason.slug}
              id={`reason-${reason.slug}`}
              name="reason"
              value={reason.slug}
              defaultChecked={initial.choice === reason.slug}
              label={reason.label}
            />
          ))}
          <RadioCard id="reason-other" name="reason" value={OTHER_REASON} defaultChecked={initial.choice === OTHER_REASON} label={words.other} />
        </fieldset>
        {/* Shown by the stylesheet while "Something else" is checked, so it appears before the script has loaded too. */}
        <TextField
          id="reason-other-text"
          name="other"
          label={words.otherLabel}
          defaultValue={initial.other}
          maxLength={500}
          autoComplete="off"
          error={error === "other" ? words.otherError : undefined}
          className="hidden group-has-[#reason-other:checked]/reason:block"
        />
        <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:justify-end">
          <button type="submit" className={primaryButton}>
            {words.continue}
          </button>
        </div>
      </form>
    </section>
  );
}
