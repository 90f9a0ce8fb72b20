"use client";

import { useActionState } from "react";
import { ErrorSummary, type SummaryError } from "@/components/form/error-summary";
import { describedBy, FieldFrame } from "@/components/form/field-frame";
import { TextField } from "@/components/form/text-field";
import { completeSetupAction, type SetupState } from "./actions";
import { DeadLink } from "./dead-link";

const INITIAL: SetupState = { message: null, dead: false, fields: {}, values: {}, attempt: 0 };

const LABELS: Record<string, string> = {
  adminName: "Your name",
  adminEmail: "Your email",
  password: "Password",
  practiceName: "Practice name",
  practicePhone: "Phone",
  practiceEmail: "Email for patients",
  practiceAddress: "Public address",
  locationName: "Location name",
  addressLine1: "Street address",
  city: "City",
  region: "State or region",
  postalCode: "Postal code",
  country: "Country code",
  timeZone: "Time zone",
  locationPhone: "Location phone",
};

const fieldId = (field: string) => `setup-${field}`;

export function SetupForm({ token, timeZones, minPasswordLength }: { token: string; timeZones: readonly string[]; minPasswordLength: number }) {
  const [state, action, pending] = useActionState(completeSetupAction.bind(null, token), INITIAL);
  if (state.dead) return <DeadLink />;

  const field = (name: string, props: { type?: string; autoComplete?: string; hint?: string; required?: boolean } = {}) => (
    <TextField
      id={fieldId(name)}
      name={name}
      label={props.required === false ? `${LABELS[name]} (optional)` : LABELS[name]!}
      hint={props.hint}
      type={props.type ?? "text"}
      autoComplete={props.autoComplete ?? "off"}
      defaultValue={state.values[name] ?? (name === "country" ? "US" : "")}
      error={state.fields[name]}
    />
  );
  const errors: SummaryError[] = Object.entries(state.fields).map(([name, message]) => ({ fieldId: fieldId(name), message: `${LABELS[name] ?? name}: ${message}` }));
  if (state.message && errors.length === 0) errors.push({ message: state.message });

  return (
    <form action={action} noValidate className="space-y-8">
      <ErrorSummary title="There is a problem" errors={errors} focusKey={state.attempt} />
      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">Your administrator account</legend>
        {field("adminName", { autoComplete: "name" })}
        {field("adminEmail", { type: "email", autoComplete: "username" })}
        {field("password", { type: "password", autoComplete: "new-password", hint: `At least ${minPasswordLength} characters. A few unrelated words make a good one.` })}
      </fieldset>
      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">The practice</legend>
        {field("practiceName", { autoComplete: "organization", hint: "Shown to patients at the top of every page." })}
        {field("practicePhone", { type: "tel", required: false, hint: "Patients see it while online booking is not open yet." })}
        {field("practiceEmail", { type: "email", required: false })}
        {field("practiceAddress", { required: false })}
      </fieldset>
      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">The first location</legend>
        {field("locationName", { hint: "For example the neighbourhood or street, as patients know it." })}
        {field("addressLine1", { autoComplete: "address-line1" })}
        {field("city", { autoComplete: "address-level2" })}
        {field("region", { autoComplete: "address-level1" })}
        {field("postalCode", { autoComplete: "postal-code" })}
        {field("country", { hint: "Two letters, e.g. US, MX, ES." })}
        <FieldFrame id={fieldId("timeZone")} label={LABELS.timeZone!} hint="Every opening hour at this location is read in this zone." error={state.fields.timeZone}>
          <select
            id={fieldId("timeZone")}
            name="timeZone"
            defaultValue={state.values.timeZone ?? ""}
            aria-invalid={state.fields.timeZone ? true : undefined}
            aria-describedby={describedBy(fieldId("timeZone"), "hint", state.fields.timeZone)}
            className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-2 aria-invalid:border-red-700"
          >
            <option value="">Choose a time zone</option>
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
        {pending ? "Setting up…" : "Create the account and practice"}
      </button>
    </form>
  );
}
