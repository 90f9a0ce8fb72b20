import type { ReactNode } from "react";

interface RadioCardProps {
  id: string;
  name: string;
  value: string;
  /** Controlled; or leave it out and give defaultChecked, for a form that also works before its script has loaded. */
  checked?: boolean;
  defaultChecked?: boolean;
  onChange?: () => void;
  label: ReactNode;
  /** Extra detail under the label, read after the name as a description. */
  hint?: ReactNode;
  lang?: string;
}

export function RadioCard({ id, name, value, checked, defaultChecked, onChange, label, hint, lang }: RadioCardProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="relative flex gap-3 rounded-xl border border-slate-300 bg-white p-4 hover:border-brand-700 has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-700">
      <input
        type="radio"
        id={id}
        name={name}
        value={value}
        checked={checked}
        defaultChecked={defaultChecked}
        onChange={onChange}
        aria-describedby={hintId}
        className="relative z-10 mt-0.5 size-5 shrink-0"
      />
      <div className="min-w-0">
        {/* The label's overlay makes the whole card a click target; the radio sits above it. */}
        <label htmlFor={id} lang={lang} className="font-semibold text-slate-900 after:absolute after:inset-0 after:cursor-pointer">
          {label}
        </label>
        {hint ? (
          <div id={hintId} className="mt-0.5 text-sm text-slate-600">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}
