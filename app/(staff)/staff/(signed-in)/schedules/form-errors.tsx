"use client";

import { useEffect, useId, useRef } from "react";

interface FormErrorsProps {
  fields: Record<string, string>;
  message: string | null;
  /** Changes on every refused submit, so focus returns to the summary each time. */
  attempt: number;
  /** Field name → the id of its control (or of its group's first control), for the summary's links. */
  controlIds: Record<string, string>;
}

/**
 * The error summary for a schedule form: each field's message links to its
 * control; other messages stand alone. Like components/form/error-summary,
 * but with its own ids, since several schedule forms share one page.
 */
export function FormErrors({ fields, message, attempt, controlIds }: FormErrorsProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  const errors = Object.entries(fields).map(([field, text]) => ({ controlId: controlIds[field], text }));
  if (message) errors.unshift({ controlId: undefined, text: message });
  if (errors.length === 0) return null;
  return (
    <div ref={ref} role="group" tabIndex={-1} aria-labelledby={titleId} className="mt-4 rounded-xl border-2 border-red-700 bg-white p-4">
      <h3 id={titleId} className="font-bold text-red-800">
        Please check:
      </h3>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {errors.map((error) => (
          <li key={`${error.controlId ?? ""}${error.text}`}>
            {error.controlId ? (
              <a
                href={`#${error.controlId}`}
                className="font-semibold text-red-800 underline underline-offset-2"
                onClick={(event) => {
                  // Move focus to the control itself, not only scroll to it.
                  event.preventDefault();
                  const control = document.getElementById(error.controlId!);
                  control?.focus();
                  control?.scrollIntoView({ block: "center" });
                }}
              >
                {error.text}
              </a>
            ) : (
              <span className="text-red-800">{error.text}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
