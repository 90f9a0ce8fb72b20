import type { TextareaHTMLAttributes } from "react";
import { describedBy, FieldFrame } from "./field-frame";

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "aria-invalid" | "aria-describedby"> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A multi-line text field, framed like TextField: error text ids follow `${id}-error`. */
export function TextAreaField({ id, label, hint, error, className, rows = 6, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="mt-1.5 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-2 aria-invalid:border-red-700"
        {...textarea}
      />
    </FieldFrame>
  );
}
