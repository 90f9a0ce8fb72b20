import type { InputHTMLAttributes } from "react";
import { describedBy, FieldFrame } from "./field-frame";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "aria-invalid" | "aria-describedby"> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

/** Error text ids follow `${id}-error`, so an error summary can link to the input. */
export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-2 aria-invalid:border-red-700 read-only:border-slate-300 read-only:bg-slate-100"
        {...input}
      />
    </FieldFrame>
  );
}
