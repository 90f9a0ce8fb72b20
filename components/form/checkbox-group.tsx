import type { ReactNode } from "react";

export interface CheckboxChoice<V extends string> {
  value: V;
  label: string;
  hint?: ReactNode;
  /** Extra classes for this choice's card, e.g. to set a home visit apart. */
  tone?: string;
}

interface CheckboxGroupProps<V extends string> {
  /** Prefix of every id: the first box is `${id}-${value}`, the error `${id}-error`. */
  id: string;
  legend: string;
  choices: CheckboxChoice<V>[];
  checked: readonly V[];
  onChange: (next: V[]) => void;
  error?: string;
}

/**
 * A fieldset of checkboxes, each with its label and hint, the group's error
 * read with the legend: the error summary links to the first box.
 */
export function CheckboxGroup<V extends string>({ id, legend, choices, checked, onChange, error }: CheckboxGroupProps<V>) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-2 space-y-2">
        {choices.map((choice) => {
          const boxId = `${id}-${choice.value}`;
          return (
            <div key={choice.value} className={`flex gap-3 rounded-lg border p-3 ${choice.tone ?? "border-slate-300"}`}>
              <input
                type="checkbox"
                id={boxId}
                checked={checked.includes(choice.value)}
                onChange={(e) => onChange(e.target.checked ? [...checked, choice.value] : checked.filter((v) => v !== choice.value))}
                aria-describedby={choice.hint ? `${boxId}-hint` : undefined}
                className="mt-1 size-5 shrink-0"
              />
              <div>
                <label htmlFor={boxId} className="font-semibold">
                  {choice.label}
                </label>
                {choice.hint ? (
                  <p id={`${boxId}-hint`} className="text-sm text-slate-700">
                    {choice.hint}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
