"use client";

import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ContactFormState } from "./actions";

type Field = "firstName" | "lastName" | "dateOfBirth" | "phone" | "email" | "preferredLanguage" | "addressLine1" | "addressLine2" | "city" | "region" | "postalCode";

interface Props {
  action: (state: ContactFormState, form: FormData) => Promise<ContactFormState>;
  initial: Record<Field, string>;
  cancelHref: string;
}

const INPUTS: { field: Exclude<Field, "preferredLanguage">; type?: string; optional?: boolean; wide?: boolean }[] = [
  { field: "firstName" },
  { field: "lastName" },
  { field: "dateOfBirth", type: "date" },
  { field: "phone", type: "tel" },
  { field: "email", type: "email", wide: true },
  { field: "addressLine1", optional: true, wide: true },
  { field: "addressLine2", optional: true, wide: true },
  { field: "city", optional: true },
  { field: "region", optional: true },
  { field: "postalCode", optional: true },
];

const LANGUAGES = ["en", "es"] as const;

const NO_FIELDS: Record<string, string> = {};

export function ContactForm({ action, initial, cancelHref }: Props) {
  const t = useTranslations("staffPatients.edit");
  const [state, formAction, pending] = useActionState(action, { result: null, values: {} });
  const failure = state.result?.ok === false ? state.result : null;
  const fields = failure?.fields ?? NO_FIELDS;
  const messageRef = useFocusOn<HTMLParagraphElement>(failure);
  const value = (field: Field) => state.values[field] ?? initial[field];

  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-5">
      {failure ? (
        <p ref={messageRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {failure.message}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {INPUTS.map(({ field, type, optional, wide }) => (
          <TextField
            key={field}
            id={field}
            name={field}
            label={t(`field.${field}`)}
            hint={optional ? t("optional") : undefined}
            type={type ?? "text"}
            autoComplete="off"
            defaultValue={value(field)}
            required={!optional}
            error={fields[field]}
            className={wide ? "sm:col-span-2" : undefined}
          />
        ))}
        <SelectField
          id="preferredLanguage"
          name="preferredLanguage"
          label={t("field.preferredLanguage")}
          defaultValue={value("preferredLanguage")}
          error={fields.preferredLanguage}
          options={LANGUAGES.map((language) => ({ value: language, label: t("language", { language }) }))}
        />
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? t("saving") : t("save")}
        </button>
        <Link href={cancelHref} className="rounded-md px-3 py-2 text-teal-900 underline">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
