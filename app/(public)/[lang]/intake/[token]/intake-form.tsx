import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import type { IntakeQuestion } from "@/lib/progress/intake-forms";
import { submitIntakeAction } from "./actions";
import type { IntakeFormState } from "./flash";
import { buttonClass } from "@/components/form/button";

const CHOICE = "flex min-h-11 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 has-checked:border-teal-800 has-checked:bg-teal-50";
const FIELD = "mt-1.5 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base";
const ERROR = "mt-1 font-semibold text-red-800";

const steps = (q: Extract<IntakeQuestion, { kind: "scale" }>) => Array.from({ length: (q.max - q.min) / q.step + 1 }, (_, i) => q.min + i * q.step);

/**
 * The intake questions as one plain server-rendered form posting to a server
 * action, so it works without JavaScript; refused answers come back with
 * their messages beside them and what was typed kept.
 */
export async function IntakeFormView({ lang, token, questions, state }: { lang: Language; token: string; questions: readonly IntakeQuestion[]; state: IntakeFormState }) {
  const t = await getTranslations({ locale: lang, namespace: "intake" });
  const v = state.values;
  const problem = (name: string) => state.problems[name];
  const errorOf = (name: string) => {
    const found = problem(name);
    return found ? (
      <p id={`${name}-error`} className={ERROR}>
        {t(`problems.${found}`)}
      </p>
    ) : null;
  };
  const described = (name: string) => (problem(name) ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  const hasProblems = Object.keys(state.problems).length > 0;

  return (
    <form action={submitIntakeAction.bind(null, lang, token)} noValidate className="mt-6 space-y-6">
      {hasProblems ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-lg text-red-900">
          {t("problem")}
        </p>
      ) : null}
      <p className="text-slate-700">{t("required")}</p>
      {questions.map((q) => {
        const label = t(`q.${q.name}` as "q.pain");
        if (q.kind === "choice" || q.kind === "scale") {
          const options = q.kind === "choice" ? q.options.map((o) => ({ value: o, text: t(`o.${q.name}.${o}` as "o.where.inner") })) : steps(q).map((n) => ({ value: String(n), text: q.name === "pain" ? t("painValue", { value: String(n) }) : t("functionValue", { value: String(n) }) }));
          return (
            <fieldset key={q.name} {...(problem(q.name) ? { "aria-describedby": `${q.name}-error` } : {})}>
              <legend className="text-lg font-semibold">
                {label} <span className="font-normal">{t("requiredMark")}</span>
              </legend>
              {errorOf(q.name)}
              <div className={q.kind === "choice" ? "mt-2 grid gap-2" : "mt-2 grid grid-cols-3 gap-2 sm:grid-cols-4"}>
                {options.map((o) => (
                  <label key={o.value} className={CHOICE}>
                    <input type="radio" name={q.name} value={o.value} defaultChecked={v[q.name] === o.value} className="size-5" />
                    {o.text}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        }
        if (q.kind === "text") {
          const Field = q.maxLength > 100 ? "textarea" : "input";
          return (
            <div key={q.name}>
              <label htmlFor={`intake-${q.name}`} className="block text-lg font-semibold">
                {label} {q.required ? <span className="font-normal">{t("requiredMark")}</span> : null}
              </label>
              <Field id={`intake-${q.name}`} name={q.name} defaultValue={v[q.name] ?? ""} maxLength={q.maxLength} {...(Field === "textarea" ? { rows: 3 } : {})} className={FIELD} {...described(q.name)} />
              {errorOf(q.name)}
            </div>
          );
        }
        return (
          <div key={q.name} className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor={`intake-${q.name}`} className="block text-lg font-semibold">
                {label}
              </label>
              <input id={`intake-${q.name}`} name={q.name} inputMode="decimal" defaultValue={v[q.name] ?? ""} className={`${FIELD} w-32`} {...described(q.name)} />
            </div>
            {q.unit ? (
              <div>
                <label htmlFor={`intake-${q.unit.name}`} className="block text-lg font-semibold">
                  {t(`q.${q.unit.name}` as "q.pain")}
                </label>
                <select id={`intake-${q.unit.name}`} name={q.unit.name} defaultValue={v[q.unit.name] ?? (lang === "en" ? "mi" : "km")} className={FIELD} {...described(q.unit.name)}>
                  {q.unit.options.map((o) => (
                    <option key={o} value={o}>
                      {t(`o.${q.unit!.name}.${o}` as "o.where.inner")}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="basis-full">
              {errorOf(q.name)}
              {q.unit ? errorOf(q.unit.name) : null}
            </div>
          </div>
        );
      })}
      <button
        type="submit"
        className={buttonClass("primary", "lg")}
      >
        {t("submit")}
      </button>
    </form>
  );
}
