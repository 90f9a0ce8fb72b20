"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, type SummaryError } from "@/components/form/error-summary";
import { describedBy, FieldFrame } from "@/components/form/field-frame";
import { TextField } from "@/components/form/text-field";
import { SETUP_FIELDS } from "@/lib/setup/schema";
import { completeSetupAction, type SetupState } from "./actions";
import { DeadLink } from "./dead-link";

const INITIAL: SetupState = { message: null, dead: false, fields: {}, values: {}, attempt: 0 };

type FieldName = (typeof SETUP_FIELDS)[number];

const isFieldName = (name: string): name is FieldName => (SETUP_FIELDS as readonly string[]).includes(name);

const fieldId = (field: string) => `setup-${field}`;

export function SetupForm({ token, timeZones, minPasswordLength }: { token: string; timeZones: readonly string[]; minPasswordLength: number }) {
  const [state, action, pending] = useActionState(completeSetupAction.bind(null, token), INITIAL);
  const t = useTranslations("staffSetup");
  if (state.dead) return <DeadLink />;

  const label = (name: string) => (isFieldName(name) ? t(`label.${name}`) : name);
  const field = (name: FieldName, props: { type?: string; autoComplete?: string; hint?: string; required?: boolean } = {}) => (
    <TextField
      id={fieldId(name)}
      name={name}
      label={props.required === false ? t("optional", { label: label(name) }) : label(name)}
      hint={props.hint}
      type={props.type ?? "text"}
      autoComplete={props.autoComplete ?? "off"}
      defaultValue={state.values[name] ?? (name === "country" ? "US" : "")}
      error={state.fields[name]}
    />
  );
  const errors: SummaryError[] = Object.entries(state.fields).map(([name, message]) => ({ fieldId: fieldId(name), message: t("fieldError", { label: label(name), message }) }));
  if (state.message && errors.length === 0) errors.push({ message: state.message });

  return (
    <form action={action} noValidate className="space-y-8">
      <ErrorSummary title={t("problem")} errors={errors} focusKey={state.attempt} />
      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("account")}</legend>
        {field("adminName", { autoComplete: "name" })}
        {field("adminEmail", { type: "email", autoComplete: "username" })}
        {field("password", { type: "password", autoComplete: "new-password", hint: t("passwordHint", { min: minPasswordLength }) })}
      </fieldset>
      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("practice")}</legend>
        {field("practiceName", { autoComplete: "organization", hint: t("practiceNameHint") })}
        {field("practicePhone", { type: "tel", required: false, hint: t("practicePhoneHint") })}
        {field("practiceEmail", { type: "email", required: false })}
        {field("practiceAddress", { required: false })}
      </fieldset>
      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("location")}</legend>
        {field("locationName", { hint: t("locationNameHint") })}
        {field("addressLine1", { autoComplete: "address-line1" })}
        {field("city", { autoComplete: "address-level2" })}
        {field("region", { autoComplete: "address-level1" })}
        {field("postalCode", { autoComplete: "postal-code" })}
        {field("country", { hint: t("countryHint") })}
        <FieldFrame id={fieldId("timeZone")} label={label("timeZone")} hint={t("timeZoneHint")} error={state.fields.timeZone}>
          <select
            id={fieldId("timeZone")}
            name="timeZone"
            defaultValue={state.values.timeZone ?? ""}
            aria-invalid={state.fields.timeZone ? true : undefined}
            aria-describedby={describedBy(fieldId("timeZone"), "hint", state.fields.timeZone)}
            className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-2 aria-invalid:border-red-700"
          >
            <option value="">{t("chooseTimeZone")}</option>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </FieldFrame>
        {field("locationPhone", { type: "tel", required: false })}
      </fieldset>
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-teal-800 px-4 py-3 font-semibold text-white hover:bg-teal-900 disabled:opacity-60 sm:w-auto">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
