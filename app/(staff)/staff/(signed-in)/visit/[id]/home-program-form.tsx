"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/form/button";
import { useFocusOn } from "@/components/form/use-focus-on";
import type { ExerciseRow } from "@/lib/exercises/data";
import { assignProgramAction, type HomeProgramState } from "./actions";

const DOSE = ["sets", "repetitionsMin", "repetitionsMax", "holdSecondsMin", "holdSecondsMax"] as const;
const INPUT = "block w-16 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-base tabular-nums";

/** Every field of the form as first shown: the first three exercises ticked at their library doses. */
function firstValues(exercises: ExerciseRow[], formId: string, language: string): Record<string, string> {
  const values: Record<string, string> = { formId, language, sessionsPerWeek: "3", weeks: "4" };
  exercises.forEach((e, i) => {
    if (i < 3) values[`exercise-${e.id}`] = "on";
    values[`sets-${e.id}`] = String(e.sets);
    values[`repetitionsMin-${e.id}`] = String(e.repetitionsMin);
    values[`repetitionsMax-${e.id}`] = String(e.repetitionsMax);
    values[`holdSecondsMin-${e.id}`] = e.holdSecondsMin === null ? "" : String(e.holdSecondsMin);
    values[`holdSecondsMax-${e.id}`] = e.holdSecondsMax === null ? "" : String(e.holdSecondsMax);
    if (e.perSide) values[`perSide-${e.id}`] = "on";
  });
  return values;
}

/**
 * The visit's home program, meant to take under a minute: the library with
 * its doses already filled in, how often and how long, one button.
 */
export function HomeProgramForm(props: { appointmentId: string; patientName: string; exercises: ExerciseRow[]; formId: string; language: string }) {
  const { appointmentId, patientName, exercises } = props;
  const initial: HomeProgramState = { result: null, values: firstValues(exercises, props.formId, props.language) };
  const [state, action, pending] = useActionState(assignProgramAction.bind(null, appointmentId), initial);
  const noticeRef = useFocusOn<HTMLDivElement>(state.result);
  const failure = state.result && !state.result.ok ? state.result : null;
  const t = useTranslations("staffExercises.assign");
  const v = state.values;
  const ticked = (id: string) => v[`exercise-${id}`] === "on";

  if (exercises.length === 0) return <p>{t("noLibrary")}</p>;
  return (
    <form key={v.formId} action={action} noValidate className="space-y-4">
      <p className="text-slate-700">{t("intro", { patient: patientName })}</p>
      <div ref={noticeRef} tabIndex={-1} role="status" className="focus:outline-none">
        {failure ? (
          <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            <p>{failure.message}</p>
            {Object.keys(failure.fields).length > 0 ? (
              <ul className="mt-1 list-disc pl-5">
                {[...new Set(Object.values(failure.fields))].map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {state.result?.ok ? <p className="rounded-md border border-teal-700 bg-teal-50 p-3 text-sm">{t("given")}</p> : null}
      </div>
      <input type="hidden" name="formId" value={v.formId} />
      <div className="overflow-x-auto">
        <table className="text-sm">
          <thead>
            <tr className="text-left text-slate-700">
              <th scope="col" className="py-1 pr-3 font-medium">
                <span className="sr-only">{t("heading")}</span>
              </th>
              <th scope="col" className="px-1 font-medium">{t("sets")}</th>
              <th scope="col" colSpan={2} className="px-1 font-medium">{t("repetitions")}</th>
              <th scope="col" colSpan={2} className="px-1 font-medium">{t("hold")}</th>
              <th scope="col" className="px-1 font-medium">{t("perSide")}</th>
            </tr>
          </thead>
          <tbody>
            {exercises.map((e) => (
              <tr key={e.id} className="border-t border-slate-200">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name="exercise" value={e.id} defaultChecked={ticked(e.id)} className="size-5" aria-label={t("exercise", { name: e.nameEn })} />
                    <span aria-hidden="true">{e.nameEn}</span>
                  </label>
                </th>
                {DOSE.map((field) => (
                  <td key={field} className="px-1 py-2">
                    <input
                      name={`${field}-${e.id}`}
                      defaultValue={v[`${field}-${e.id}`] ?? ""}
                      inputMode="numeric"
                      maxLength={3}
                      autoComplete="off"
                      aria-label={t(`${field}Of`, { name: e.nameEn })}
                      className={INPUT}
                    />
                  </td>
                ))}
                <td className="px-1 py-2 text-center">
                  <input type="checkbox" name={`perSide-${e.id}`} defaultChecked={v[`perSide-${e.id}`] === "on"} aria-label={t("perSideOf", { name: e.nameEn })} className="size-5" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <label className="block">
          <span className="block text-sm font-medium">{t("sessionsPerWeek")}</span>
          <input name="sessionsPerWeek" defaultValue={v.sessionsPerWeek} inputMode="numeric" maxLength={2} autoComplete="off" className={`mt-1 ${INPUT}`} />
        </label>
        <label className="block">
          <span className="block text-sm font-medium">{t("weeks")}</span>
          <input name="weeks" defaultValue={v.weeks} inputMode="numeric" maxLength={2} autoComplete="off" className={`mt-1 ${INPUT}`} />
        </label>
        <label className="block">
          <span className="block text-sm font-medium">{t("language")}</span>
          <select name="language" defaultValue={v.language} className="mt-1 block rounded-md border border-slate-400 bg-white px-2 py-1.5 text-base">
            <option value="en">{t("english")}</option>
            <option value="es">{t("spanish")}</option>
          </select>
        </label>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? t("giving") : t("submit")}
        </button>
      </div>
    </form>
  );
}
