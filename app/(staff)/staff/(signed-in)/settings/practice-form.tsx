"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/form/button";
import { ErrorSummary, summaryErrors } from "@/components/form/error-summary";
import { TextAreaField } from "@/components/form/text-area-field";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import { VALIDATION_MESSAGE } from "@/lib/actions/action-result";
import { MAX_IMAGE_BYTES } from "@/lib/images/image-file";
import { MAX_POLICY_LENGTH } from "@/lib/practice/schema";
import { updatePracticeSettingsAction, type PracticeSettingsState } from "./actions";

type State = PracticeSettingsState & { attempt: number };

const NO_FIELDS: Record<string, string> = {};

const LABELS: Record<string, string> = {
  name: "Practice name",
  logo: "Logo",
  phone: "Phone",
  email: "Email for patients",
  address: "Public address",
  cancellationPolicyEn: "Cancellation policy in English",
  cancellationPolicyEs: "Cancellation policy in Spanish",
  privacyPolicyEn: "Privacy notice in English",
  privacyPolicyEs: "Privacy notice in Spanish",
  emailReminderHours: "Email reminder, hours before the visit",
  smsReminderHours: "Text-message reminder, hours before the visit",
};

const controlId = (field: string) => `practice-${field}`;
const CONTROL_IDS = Object.fromEntries(Object.keys(LABELS).map((field) => [field, controlId(field)]));

const FIELD_NAMES: Record<string, string> = { ...LABELS, removeLogo: "Remove the logo" };

/**
 * A picture too large is refused here before it is sent: the server would
 * refuse it too, but only after reading it, and past its body limit with a
 * bare error instead of the field's message.
 */
function oversizeLogo(form: FormData): string | null {
  const file = form.get("logo");
  if (!(file instanceof File) || file.size <= MAX_IMAGE_BYTES) return null;
  return `The picture is ${Math.ceil(file.size / 1024)} KB; the most it may be is ${MAX_IMAGE_BYTES / 1024} KB. Save it smaller and upload it again.`;
}

async function submit(previous: State, form: FormData): Promise<State> {
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const tooLarge = oversizeLogo(form);
  if (tooLarge) return { result: { ok: false, code: "VALIDATION_FAILED", message: VALIDATION_MESSAGE, fields: { logo: tooLarge } }, values, attempt: previous.attempt + 1 };
  const next = await updatePracticeSettingsAction(previous, form);
  return { ...next, attempt: previous.attempt + 1 };
}

export function PracticeForm({ initialValues, logoUrl, textMessages }: { initialValues: Record<string, string>; logoUrl: string | null; textMessages: boolean }) {
  const [state, action, pending] = useActionState(submit, { result: null, values: initialValues, attempt: 0 });
  const failure = state.result && !state.result.ok ? state.result : null;
  const saved = state.result?.ok ? state.result.data : null;
  const fields = failure?.fields ?? NO_FIELDS;
  const noticeRef = useFocusOn<HTMLParagraphElement>(saved ? state.result : null);
  const errors = summaryErrors(
    Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, `${FIELD_NAMES[field] ?? field}: ${message}`])),
    failure && Object.keys(fields).length === 0 ? failure.message : null,
    CONTROL_IDS,
  );

  const text = (name: string, props: { type?: string; autoComplete?: string; hint?: string; optional?: boolean; inputMode?: "numeric" } = {}) => (
    <TextField
      id={controlId(name)}
      name={name}
      label={props.optional === false ? LABELS[name]! : `${LABELS[name]} (optional)`}
      hint={props.hint}
      type={props.type ?? "text"}
      inputMode={props.inputMode}
      autoComplete={props.autoComplete ?? "off"}
      defaultValue={state.values[name] ?? ""}
      error={fields[name]}
    />
  );
  const policy = (name: string, lang: "en" | "es", hint: string) => (
    <TextAreaField
      id={controlId(name)}
      name={name}
      lang={lang}
      label={`${LABELS[name]} (optional)`}
      hint={hint}
      maxLength={MAX_POLICY_LENGTH}
      defaultValue={state.values[name] ?? ""}
      error={fields[name]}
    />
  );

  return (
    <form action={action} noValidate className="space-y-8">
      <ErrorSummary title="Nothing was saved. Please check:" errors={errors} focusKey={failure ? state.attempt : 0} />
      {saved ? (
        <p ref={noticeRef} tabIndex={-1} role="status" className="rounded-md border border-teal-300 bg-teal-50 p-3 text-sm text-teal-900 focus:outline-none">
          {saved.changed.length === 0 ? "Nothing had changed; nothing was saved." : "Saved. Patients see the new details on the next page they open."}
        </p>
      ) : null}

      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">Name and logo</legend>
        {text("name", { autoComplete: "organization", optional: false, hint: "Shown at the top of every public page and in the browser tab." })}
        {logoUrl ? (
          <div className="space-y-2">
            <p className="font-medium text-slate-900">Current logo</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a stored picture served by Stride itself, already small */}
            <img src={logoUrl} alt="The practice's current logo" className="h-12 w-auto rounded border border-slate-200 bg-white p-1" />
            <div className="flex items-center gap-2">
              <input id={controlId("removeLogo")} type="checkbox" name="removeLogo" defaultChecked={state.values.removeLogo === "on"} className="size-5" />
              <label htmlFor={controlId("removeLogo")}>Remove the logo (patients see the name alone)</label>
            </div>
          </div>
        ) : null}
        <TextField
          id={controlId("logo")}
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          label={logoUrl ? "Replace the logo (optional)" : "Logo (optional)"}
          hint={`A PNG, JPEG or WebP picture of at most ${MAX_IMAGE_BYTES / 1024} KB. It is shown about 40 pixels high.`}
          error={fields.logo}
        />
      </fieldset>

      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">Contact details</legend>
        {text("phone", { type: "tel", hint: "Patients can call it from the page, e.g. +1 915-555-0142." })}
        {text("email", { type: "email" })}
        {text("address", { autoComplete: "street-address", hint: "One line, e.g. 5860 N Mesa St, El Paso, TX 79912." })}
      </fieldset>

      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">Policies</legend>
        <p className="text-sm text-slate-700">
          Patients read each text in their language, on its own page linked from every page&apos;s footer and from the booking form. Leave a blank line between paragraphs.
        </p>
        {policy("cancellationPolicyEn", "en", "Until when a visit can be changed or cancelled, and what a late cancellation or a missed visit costs.")}
        {policy("cancellationPolicyEs", "es", "The same policy, in Spanish.")}
        {policy("privacyPolicyEn", "en", "What the practice keeps about patients, why, for how long, and who to ask about it.")}
        {policy("privacyPolicyEs", "es", "The same notice, in Spanish.")}
      </fieldset>

      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">Reminders</legend>
        <p className="text-sm text-slate-700">
          Each booked visit gets a reminder this many hours before it starts; 0 sends none. A reminder due between 21:00 and 08:00 at the visit&apos;s location goes at
          20:45 the evening before, and a visit booked or moved closer to its start than a reminder&apos;s lead time gets none of that kind (its confirmation says it
          all).
        </p>
        {text("emailReminderHours", { optional: false, inputMode: "numeric", hint: "24 sends it a day ahead." })}
        {text("smsReminderHours", {
          optional: false,
          inputMode: "numeric",
          hint: textMessages ? "2 sends it two hours ahead." : "Text messages are not set up on this server, so only email reminders go; this applies once they are.",
        })}
      </fieldset>

      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Saving…" : "Save the practice's details"}
      </button>
    </form>
  );
}
