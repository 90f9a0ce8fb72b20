"use client";

import { buttonClass } from "@/components/form/button";
import { useActionState, useEffect, useRef, useState } from "react";
import { createStaffAccountAction, type CreateAccountState } from "./actions";
import { ROLE_LABEL } from "./role-labels";
import { TemporaryPassword } from "./temporary-password";

const INITIAL: CreateAccountState = { result: null, values: { email: "", name: "", role: "FRONT_DESK", therapistId: "" } };
const NO_FIELDS: Record<string, string> = {};

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="mt-1 text-sm text-red-800">
      {error}
    </p>
  ) : null;
}

export function CreateStaffForm({ therapists }: { therapists: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createStaffAccountAction, INITIAL);
  const [role, setRole] = useState(INITIAL.values.role ?? "FRONT_DESK");
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.result) noticeRef.current?.focus();
  }, [state]);
  const failure = state.result && !state.result.ok ? state.result : null;
  const created = state.result?.ok ? state.result.data : null;
  const fields = failure?.fields ?? NO_FIELDS;
  const input = "mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";
  const invalid = (field: string) => (fields[field] ? { "aria-invalid": true, "aria-describedby": `new-${field}-error` } : {});

  return (
    <form action={action} noValidate className="space-y-4">
      <div ref={noticeRef} tabIndex={-1} role="status" className="focus:outline-none">
        {failure ? <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{failure.message}</p> : null}
        {created ? (
          <div className="space-y-2">
            <p className="text-sm">
              Account created for {created.name} ({created.email}).
            </p>
            <TemporaryPassword password={created.temporaryPassword} forWhom={created.name} />
          </div>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="new-name" className="block text-sm font-medium">
            Name
          </label>
          <input id="new-name" name="name" type="text" autoComplete="off" required defaultValue={state.values.name} className={input} {...invalid("name")} />
          <FieldError id="new-name-error" error={fields.name} />
        </div>
        <div>
          <label htmlFor="new-email" className="block text-sm font-medium">
            Email
          </label>
          <input id="new-email" name="email" type="email" autoComplete="off" required defaultValue={state.values.email} className={input} {...invalid("email")} />
          <FieldError id="new-email-error" error={fields.email} />
        </div>
        <div>
          <label htmlFor="new-role" className="block text-sm font-medium">
            Role
          </label>
          <select id="new-role" name="role" value={role} onChange={(e) => setRole(e.target.value)} className={input} {...invalid("role")}>
            {Object.entries(ROLE_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <FieldError id="new-role-error" error={fields.role} />
        </div>
        {role === "THERAPIST" ? (
          <div>
            <label htmlFor="new-therapist" className="block text-sm font-medium">
              Therapist
            </label>
            <select id="new-therapist" name="therapistId" required defaultValue={state.values.therapistId} className={input} {...invalid("therapistId")}>
              <option value="">Choose the therapist…</option>
              {therapists.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <FieldError id="new-therapistId-error" error={fields.therapistId} />
            {therapists.length === 0 ? <p className="mt-1 text-sm text-slate-700">Every active therapist already has an account.</p> : null}
          </div>
        ) : null}
      </div>
      <p className="text-sm text-slate-700">A temporary password is made for the new account and shown here once.</p>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}
