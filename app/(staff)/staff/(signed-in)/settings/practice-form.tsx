"use client";

import { useTranslations } from "next-intl";
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

/** The form's fields that have a control of their own, each named by its practice.label message. */
const FIELDS = [
  "name",
  "logo",
  "phone",
  "email",
  "address",
  "cancellationPolicyEn",
  "cancellationPolicyEs",
  "privacyPolicyEn",
  "privacyPolicyEs",
  "emailReminderHours",
  "smsReminderHours",
  "lateCancelWindowHours",
  "lateCancelFee",
  "noShowFee",
] as const;

type Field = (typeof FIELDS)[number];

const controlId = (field: string) => `practice-${field}`;
const CONTROL_IDS = Object.fromEntries(FIELDS.map((field) => [field, controlId(field)]));

/** The fields an error can name: the controls and the remove-logo box. */
const isNamed = (field: string): field is Field | "removeLogo" => field === "removeLogo" || (FIELDS as readonly string[]).includes(field);

type Say = ReturnType<typeof useTranslations<"staffSettings">>;

/**
 * A picture too large is refused here before it is sent: the server would
 * refuse it too, but only after reading it, and past its body limit with a
 * bare error instead of the field's message.
 */
function oversizeLogo(form: FormData, t: Say): string | null {
  const file = form.get("logo");
  if (!(file instanceof File) || file.size <= MAX_IMAGE_BYTES) return null;
  return t("pictureTooLarge", { size: Math.ceil(file.size / 1024), max: MAX_IMAGE_BYTES / 1024 });
}

async function submit(t: Say, previous: State, form: FormData): Promise<State> {
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const tooLarge = oversizeLogo(form, t);
  if (tooLarge) return { result: { ok: false, code: "VALIDATION_FAILED", message: VALIDATION_MESSAGE, fields: { logo: tooLarge } }, values, attempt: previous.attempt + 1 };
  const next = await updatePracticeSettingsAction(previous, form);
  return { ...next, attempt: previous.attempt + 1 };
}

export function PracticeForm({ initialValues, logoUrl, textMessages }: { initialValues: Record<string, string>; logoUrl: string | null; textMessages: boolean }) {
  const t = useTranslations("staffSettings");
  const [state, action, pending] = useActionState(submit.bind(null, t), { result: null, values: initialValues, attempt: 0 });
  const label = (field: Field | "removeLogo") => t(`practice.label.${field}`);
  const failure = state.result && !state.result.ok ? state.result : null;
  const saved = state.result?.ok ? state.result.data : null;
  const fields = failure?.fields ?? NO_FIELDS;
  const noticeRef = useFocusOn<HTMLParagraphElement>(saved ? state.result : null);
  const errors = summaryErrors(
    Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, t("fieldError", { label: isNamed(field) ? label(field) : field, message })])),
    failure && Object.keys(fields).length === 0 ? failure.message : null,
    CONTROL_IDS,
  );

  const text = (name: Field, props: { type?: string; autoComplete?: string; hint?: string; optional?: boolean; inputMode?: "numeric" | "decimal" } = {}) => (
    <TextField
      id={controlId(name)}
      name={name}
      label={props.optional === false ? label(name) : t("optional", { label: label(name) })}
      hint={props.hint}
      type={props.type ?? "text"}
      inputMode={props.inputMode}
      autoComplete={props.autoComplete ?? "off"}
      defaultValue={state.values[name] ?? ""}
      error={fields[name]}
    />
  );
  const policy = (name: Field, lang: "en" | "es", hint: string) => (
    <TextAreaField
      id={controlId(name)}
      name={name}
      lang={lang}
      label={t("optional", { label: label(name) })}
      hint={hint}
      maxLength={MAX_POLICY_LENGTH}
      defaultValue={state.values[name] ?? ""}
      error={fields[name]}
    />
  );

  return (
    <form action={action} noValidate className="space-y-8">
      <ErrorSummary title={t("practice.nothingSaved")} errors={errors} focusKey={failure ? state.attempt : 0} />
      {saved ? (
        <p ref={noticeRef} tabIndex={-1} role="status" className="rounded-md border border-teal-300 bg-teal-50 p-3 text-sm text-teal-900 focus:outline-none">
          {saved.changed.length === 0 ? t("practice.unchanged") : t("practice.saved")}
        </p>
      ) : null}

      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("practice.nameAndLogo")}</legend>
        {text("name", { autoComplete: "organization", optional: false, hint: t("practice.nameHint") })}
        {logoUrl ? (
          <div className="space-y-2">
            <p className="font-medium text-slate-900">{t("practice.currentLogo")}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a stored picture served by Stride itself, already small */}
            <img src={logoUrl} alt={t("practice.currentLogoAlt")} className="h-12 w-auto rounded border border-slate-200 bg-white p-1" />
            <div className="flex items-center gap-2">
              <input id={controlId("removeLogo")} type="checkbox" name="removeLogo" defaultChecked={state.values.removeLogo === "on"} className="size-5" />
              <label htmlFor={controlId("removeLogo")}>{t("practice.removeLogo")}</label>
            </div>
          </div>
        ) : null}
        <TextField
          id={controlId("logo")}
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          label={logoUrl ? t("practice.replaceLogo") : t("practice.logo")}
          hint={t("practice.logoHint", { max: MAX_IMAGE_BYTES / 1024 })}
          error={fields.logo}
        />
      </fieldset>

      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("practice.contact")}</legend>
        {text("phone", { type: "tel", hint: t("practice.phoneHint") })}
        {text("email", { type: "email" })}
        {text("address", { autoComplete: "street-address", hint: t("practice.addressHint") })}
      </fieldset>

      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("practice.policies")}</legend>
        <p className="text-sm text-slate-700">
          {t("practice.policiesText")}
        </p>
        {policy("cancellationPolicyEn", "en", t("practice.cancellationEnHint"))}
        {policy("cancellationPolicyEs", "es", t("practice.cancellationEsHint"))}
        {policy("privacyPolicyEn", "en", t("practice.privacyEnHint"))}
        {policy("privacyPolicyEs", "es", t("practice.privacyEsHint"))}
      </fieldset>

      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("practice.reminders")}</legend>
        <p className="text-sm text-slate-700">
          {t("practice.remindersText")}
        </p>
        {text("emailReminderHours", { optional: false, inputMode: "numeric", hint: t("practice.emailHint") })}
        {text("smsReminderHours", {
          optional: false,
          inputMode: "numeric",
          hint: textMessages ? t("practice.smsHint") : t("practice.smsOffHint"),
        })}
      </fieldset>

      <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("practice.fees")}</legend>
        <p className="text-sm text-slate-700">
          {t("practice.feesText")}
        </p>
        {text("lateCancelWindowHours", { optional: false, inputMode: "numeric", hint: t("practice.lateWindowHint") })}
        {text("lateCancelFee", { optional: false, inputMode: "decimal", hint: t("practice.lateFeeHint") })}
        {text("noShowFee", { optional: false, inputMode: "decimal", hint: t("practice.noShowFeeHint") })}
      </fieldset>

      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? t("saving") : t("practice.submit")}
      </button>
    </form>
  );
}
