"use client";

import { useEffect, useId, useRef } from "react";

export interface SummaryError {
  /** The id of the control to move to; omitted for errors that belong to no field. */
  fieldId?: string;
  message: string;
}

interface ErrorSummaryProps {
  title: string;
  errors: SummaryError[];
  /** Changes on every failed submit, so focus returns to the summary each time. */
  focusKey: number;
  className?: string;
}

/**
 * The summary at the top of a refused form: focus moves to it on every
 * failed submit, and each field's message links to (and focuses) its
 * control. Its ids are its own, so several forms can share a page.
 */
export function ErrorSummary({ title, errors, focusKey, className = "" }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} role="group" tabIndex={-1} aria-labelledby={titleId} className={`rounded-xl border-2 border-red-700 bg-white p-4 ${className}`}>
      <h3 id={titleId} className="font-bold text-red-800">
        {title}
      </h3>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {errors.map((error) => (
          <li key={`${error.fieldId ?? ""}${error.message}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                className="font-semibold text-red-800 underline underline-offset-2"
                onClick={(event) => {
                  // Move focus to the control itself, not only scroll to it.
                  event.preventDefault();
                  const field = document.getElementById(error.fieldId!);
                  field?.focus();
                  field?.scrollIntoView({ block: "center" });
                }}
              >
                {error.message}
              </a>
            ) : (
              <span className="text-red-800">{error.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A refusal's messages as summary lines: the form-wide message first, then
 * one per field, linked to the control `controlIds` names for that field.
 */
export function summaryErrors(fields: Record<string, string>, message: string | null, controlIds: Record<string, string>): SummaryError[] {
  const errors: SummaryError[] = Object.entries(fields).map(([field, text]) => ({ fieldId: controlIds[field], message: text }));
  if (message) errors.unshift({ message });
  return errors;
}
