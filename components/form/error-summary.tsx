"use client";

import { useEffect, useRef } from "react";

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
}

export function ErrorSummary({ title, errors, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="rounded-xl border-2 border-red-700 bg-white p-4"
    >
      <h3 id="error-summary-title" className="font-bold text-red-800">
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
