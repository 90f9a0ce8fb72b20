"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/form/button";
import { TextAreaField } from "@/components/form/text-area-field";
import { TextField } from "@/components/form/text-field";
import { useFocusOn } from "@/components/form/use-focus-on";
import type { ExerciseFormState } from "./actions";

type Action = (previous: ExerciseFormState, form: FormData) => Promise<ExerciseFormState>;

/** An exercise's words and default dose: the add form, and each exercise's edit form. */
export function ExerciseForm({ idPrefix, action: serverAction, initial, editing }: { idPrefix: string; action: Action; initial: Record<string, string>; editing: boolean }) {
  const [state, action, pending] = useActionState(serverAction, { result: null, values: initial });
  const noticeRef = useFocusOn<HTMLDivElement>(state.result);
  const failure = state.result && !state.result.ok ? state.result : null;
  const fields = failure?.fields ?? {};
  const values = state.values;
  const t = useTranslations("staffExercises");
  const number = (name: "sets" | "repetitionsMin" | "repetitionsMax" | "holdSecondsMin" | "holdSecondsMax", hint?: string) => (
    <TextField
      id={`${idPrefix}-${name}`}
      name={name}
      label={t(name)}
      inputMode="numeric"
      autoComplete="off"
      maxLength={4}
      defaultValue={values[name] ?? ""}
      error={fields[name]}
      hint={hint}
    />
  );
  return (
    // The key resets the fields to what the server kept after each answer.
    <form key={JSON.stringify(values)} action={action} noValidate className="space-y-4">
      <div ref={noticeRef} tabIndex={-1} role="status" className="focus:outline-none">
        {failure ? <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{failure.message}</p> : null}
        {state.result?.ok ? <p className="text-sm text-slate-700">{editing ? t("saved") : t("added")}</p> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={`${idPrefix}-nameEn`} name="nameEn" label={t("nameEn")} autoComplete="off" required maxLength={120} defaultValue={values.nameEn ?? ""} error={fields.nameEn} />
        <TextField id={`${idPrefix}-nameEs`} name="nameEs" lang="es" label={t("nameEs")} autoComplete="off" required maxLength={120} defaultValue={values.nameEs ?? ""} error={fields.nameEs} />
        <TextAreaField id={`${idPrefix}-stepsEn`} name="stepsEn" label={t("stepsEn")} required maxLength={2000} rows={4} defaultValue={values.stepsEn ?? ""} error={fields.stepsEn} />
        <TextAreaField id={`${idPrefix}-stepsEs`} name="stepsEs" lang="es" label={t("stepsEs")} required maxLength={2000} rows={4} defaultValue={values.stepsEs ?? ""} error={fields.stepsEs} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {number("sets")}
        {number("repetitionsMin")}
        {number("repetitionsMax")}
        {number("holdSecondsMin", t("holdHint"))}
        {number("holdSecondsMax")}
      </div>
      <div className="flex flex-wrap gap-6">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="perSide" defaultChecked={values.perSide === "on"} className="size-5" />
          {t("perSide")}
        </label>
        {editing ? (
          <label className="flex items-center gap-2">
            <input type="checkbox" name="active" defaultChecked={values.active === "on"} className="size-5" />
            {t("active")}
          </label>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? t("saving") : editing ? t("saveSubmit") : t("addSubmit")}
      </button>
    </form>
  );
}
