"use client";

import { buttonClass } from "@/components/form/button";
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import type { ContactFormState } from "./actions";

type Field = "firstName" | "lastName" | "dateOfBirth" | "phone" | "email" | "preferredLanguage" | "addressLine1" | "addressLine2" | "city" | "region" | "postalCode";

interface Props {
  action: (state: ContactFormState, form: FormData) => Promise<ContactFormState>;
  initial: Record<Field, string>;
  cancelHref: string;
}

const INPUTS: { field: Field; label: string; type?: string; optional?: boolean; wide?: boolean }[] = [
  { field: "firstName", label: "First name" },
  { field: "lastName", label: "Last name" },
  { field: "dateOfBirth", label: "Date of birth", type: "date" },
  { field: "phone", label: "Phone", type: "tel" },
  { field: "email", label: "Email", type: "email", wide: true },
  { field: "addressLine1", label: "Address line 1", optional: true, wide: true },
  { field: "addressLine2", label: "Address line 2", optional: true, wide: true },
  { field: "city", label: "City", optional: true },
  { field: "region", label: "State", optional: true },
  { field: "postalCode", label: "Postal code", optional: true },
];

function describedBy(field: string, error: string | undefined): string | undefined {
  return error ? `${field}-error` : undefined;
}

export function ContactForm({ action, initial, cancelHref }: Props) {
  const [state, formAction, pending] = useActionState(action, { message: null, fields: {}, values: null });
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.message) messageRef.current?.focus();
  }, [state]);
  const value = (field: Field) => state.values?.[field] ?? initial[field];

  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-5">
      {state.message ? (
        <p ref={messageRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {INPUTS.map(({ field, label, type, optional, wide }) => {
          const error = state.fields[field];
          return (
            <div key={field} className={wide ? "sm:col-span-2" : undefined}>
              <label htmlFor={field} className="block text-sm font-medium">
                {label}
                {optional ? <span className="font-normal text-slate-600"> (optional)</span> : null}
              </label>
              <input
                id={field}
                name={field}
                type={type ?? "text"}
                autoComplete="off"
                defaultValue={value(field)}
                required={!optional}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(field, error)}
                className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
              />
              {error ? (
                <p id={`${field}-error`} className="mt-1 text-sm text-red-800">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
        <div>
          <label htmlFor="preferredLanguage" className="block text-sm font-medium">
            Preferred language
          </label>
          <select
            id="preferredLanguage"
            name="preferredLanguage"
            defaultValue={value("preferredLanguage")}
            aria-invalid={state.fields.preferredLanguage ? true : undefined}
            aria-describedby={describedBy("preferredLanguage", state.fields.preferredLanguage)}
            className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            <option value="en">English</option>
            <option value="es">Spanish</option>
          </select>
          {state.fields.preferredLanguage ? (
            <p id="preferredLanguage-error" className="mt-1 text-sm text-red-800">
              {state.fields.preferredLanguage}
            </p>
          ) : null}
        </div>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Saving…" : "Save contact details"}
        </button>
        <Link href={cancelHref} className="rounded-md px-3 py-2 text-teal-900 underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
