"use client";

import { buttonClass } from "@/components/form/button";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createStaffAccountAction, type CreateAccountState } from "./actions";
import { STAFF_ROLES } from "./staff-roles";
import { TemporaryPassword } from "./temporary-password";

const INITIAL: CreateAccountState = { result: null, values: { email: "", name: "", role: "FRONT_DESK", therapistId: "" } };
const NO_FIELDS: Record<string, string> = {};

export function CreateStaffForm({ therapists }: { therapists: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createStaffAccountAction, INITIAL);
  const [role, setRole] = useState(INITIAL.values.role ?? "FRONT_DESK");
  const noticeRef = useFocusOn<HTMLDivElement>(state.result);
  const failure = state.result && !state.result.ok ? state.result : null;
  const created = state.result?.ok ? state.result.data : null;
  const fields = failure?.fields ?? NO_FIELDS;
  const t = useTranslations("staffAdmin");

  return (
    <form action={action} noValidate className="space-y-4">
      <div ref={noticeRef} tabIndex={-1} role="status" className="focus:outline-none">
        {failure ? <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{failure.message}</p> : null}
        {created ? (
          <div className="space-y-2">
            <p className="text-sm">{t("created", { name: created.name, email: created.email })}</p>
            <TemporaryPassword password={created.temporaryPassword} forWhom={created.name} />
          </div>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="new-name" name="name" label={t("form.name")} type="text" autoComplete="off" required defaultValue={state.values.name} error={fields.name} />
        <TextField id="new-email" name="email" label={t("form.email")} type="email" autoComplete="off" required defaultValue={state.values.email} error={fields.email} />
        <SelectField
          id="new-role"
          name="role"
          label={t("form.role")}
          value={role}
          onChange={(e) => setRole(e.target.value)}
          error={fields.role}
          options={STAFF_ROLES.map((value) => ({ value, label: t("role", { role: value }) }))}
        />
        {role === "THERAPIST" ? (
          <SelectField
            id="new-therapist"
            name="therapistId"
            label={t("form.therapist")}
            hint={therapists.length === 0 ? t("form.noTherapists") : undefined}
            required
            defaultValue={state.values.therapistId}
            error={fields.therapistId}
            options={[{ value: "", label: t("form.chooseTherapist") }, ...therapists.map((t) => ({ value: t.id, label: t.name }))]}
          />
        ) : null}
      </div>
      <p className="text-sm text-slate-700">{t("form.note")}</p>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? t("form.submitting") : t("form.submit")}
      </button>
    </form>
  );
}
