import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { listExercises, type ExerciseRow } from "@/lib/exercises/data";
import { createExerciseAction, updateExerciseAction } from "./actions";
import { ExerciseForm } from "./exercise-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffExercises");
  return { title: t("title") };
}

const EMPTY = { nameEn: "", nameEs: "", stepsEn: "", stepsEs: "", sets: "1", repetitionsMin: "", repetitionsMax: "", holdSecondsMin: "", holdSecondsMax: "", perSide: "" };

function formValues(e: ExerciseRow): Record<string, string> {
  return {
    nameEn: e.nameEn,
    nameEs: e.nameEs,
    stepsEn: e.stepsEn,
    stepsEs: e.stepsEs,
    sets: String(e.sets),
    repetitionsMin: String(e.repetitionsMin),
    repetitionsMax: String(e.repetitionsMax),
    holdSecondsMin: e.holdSecondsMin === null ? "" : String(e.holdSecondsMin),
    holdSecondsMax: e.holdSecondsMax === null ? "" : String(e.holdSecondsMax),
    perSide: e.perSide ? "on" : "",
    active: e.active ? "on" : "",
  };
}

const range = (min: number, max: number) => (min === max ? String(min) : `${min}–${max}`);

export default async function ExerciseLibraryPage() {
  const staff = await requireStaff("ADMIN", "FRONT_DESK", "THERAPIST");
  const exercises = await listExercises(staff);
  const t = await getTranslations("staffExercises");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>

      <section aria-labelledby="exercises-heading" className="mt-8 max-w-4xl">
        <h2 id="exercises-heading" className="text-lg font-semibold">
          {t("list")}
        </h2>
        {exercises.length === 0 ? <p className="mt-3 text-slate-700">{t("none")}</p> : null}
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {exercises.map((e) => (
            <li key={e.id} className="p-4">
              <p className="font-medium text-slate-900">
                {e.nameEn} <span lang="es" className="font-normal text-slate-700">· {e.nameEs}</span>
                {e.active ? null : <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">{t("inactive")}</span>}
              </p>
              <p className="text-sm text-slate-700">
                {t("dose", {
                  sets: e.sets,
                  reps: range(e.repetitionsMin, e.repetitionsMax),
                  side: e.perSide ? "yes" : "no",
                  hold: e.holdSecondsMin === null || e.holdSecondsMax === null ? "none" : range(e.holdSecondsMin, e.holdSecondsMax),
                })}
              </p>
              {e.editable ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-semibold text-teal-900 underline">
                    {t("edit")}
                    <span className="sr-only"> {e.nameEn}</span>
                  </summary>
                  <div className="mt-3">
                    <ExerciseForm idPrefix={`exercise-${e.id}`} action={updateExerciseAction.bind(null, e.id)} initial={formValues(e)} editing />
                  </div>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="add-exercise-heading" className="mt-10 max-w-4xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add-exercise-heading" className="text-lg font-semibold">
          {t("add")}
        </h2>
        <div className="mt-4">
          <ExerciseForm idPrefix="new-exercise" action={createExerciseAction} initial={EMPTY} editing={false} />
        </div>
      </section>
    </>
  );
}
