import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { doseText } from "@/lib/exercise-programs/dose-text";
import { findPatientProgram } from "@/lib/exercise-programs/data";
import { imageUrl } from "@/lib/images/mutations";
import { formatLongDate } from "@/lib/i18n/format-date-time";
import { isLanguage } from "@/lib/i18n/languages";
import { logSessionAction } from "./actions";
import { buttonClass } from "@/components/form/button";

// A patient's home program, opened from the private link in its email: no
// account, made for a phone, printable (the form and the site's header and
// footer stay off paper), and the "I did a session" form works without
// JavaScript. A wrong or expired link is the plain not-found page.

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[lang]/program/[token]">): Promise<Metadata> {
  const { lang } = await params;
  // The address holds a private token: keep it out of search engines.
  return { title: isLanguage(lang) ? (await getTranslations({ locale: lang, namespace: "program" }))("title") : undefined, robots: { index: false, follow: false } };
}

const PAIN = Array.from({ length: 11 }, (_, i) => i);

export default async function HomeProgramPage({ params, searchParams }: PageProps<"/[lang]/program/[token]">) {
  const [{ lang, token }, query] = await Promise.all([params, searchParams]);
  if (!isLanguage(lang)) notFound();
  const program = await findPatientProgram(token, new Date());
  if (!program) notFound();
  const t = await getTranslations({ locale: lang, namespace: "program" });
  return (
    <div data-print-program="">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-lg">
        {t("intro", { practice: program.practiceName, count: program.sessionsPerWeek, endsOn: formatLongDate(`${program.endsOn}T12:00:00Z`, "UTC", lang) })}
      </p>
      <p className="mt-3 rounded-md border border-slate-300 bg-white p-3 text-lg font-semibold">{t("week", { done: program.doneThisWeek, perWeek: program.sessionsPerWeek })}</p>

      <ol className="mt-6 space-y-6">
        {program.exercises.map((exercise, index) => {
          const name = lang === "es" ? exercise.nameEs : exercise.nameEn;
          const steps = (lang === "es" ? exercise.stepsEs : exercise.stepsEn).split("\n").filter((line) => line.trim() !== "");
          return (
            <li key={exercise.id} className="break-inside-avoid rounded-xl border border-slate-300 bg-white p-4">
              <article aria-labelledby={`exercise-${index}`}>
                <h2 id={`exercise-${index}`} className="text-xl font-bold">
                  {name}
                </h2>
                <p className="mt-1 text-lg font-semibold text-teal-900">{doseText(exercise, lang)}</p>
                {/* eslint-disable-next-line @next/next/no-img-element -- a stored picture served by Stride's own image route, already small */}
                {exercise.imageId ? <img src={imageUrl(exercise.imageId)} alt="" className="mt-3 max-h-56 rounded-md" /> : null}
                <h3 className="mt-3 font-semibold">{t("steps")}</h3>
                <ol className="mt-1 list-decimal space-y-1 pl-6">
                  {steps.map((step, i) => (
                    <li key={i}>{step}</li>
                  ))}
                </ol>
              </article>
            </li>
          );
        })}
      </ol>

      <section id="log" aria-labelledby="log-heading" tabIndex={-1} className="mt-8 rounded-xl border border-slate-300 bg-white p-4 print:hidden">
        <h2 id="log-heading" className="text-xl font-bold">
          {t("logHeading")}
        </h2>
        {query.logged === "1" ? (
          <p role="status" className="mt-3 rounded-md border border-teal-700 bg-teal-50 p-3 text-lg">
            {t("logged")}
          </p>
        ) : null}
        {query.enough === "1" ? (
          <p role="alert" className="mt-3 rounded-md border border-red-700 bg-red-50 p-3 text-lg text-red-900">
            {t("enough")}
          </p>
        ) : null}
        {query.problem === "1" ? (
          <p role="alert" className="mt-3 rounded-md border border-red-700 bg-red-50 p-3 text-lg text-red-900">
            {t("problem")}
          </p>
        ) : null}
        <p className="mt-2">{t("logIntro")}</p>
        <form action={logSessionAction.bind(null, lang, token)} className="mt-4 space-y-5">
          <input type="hidden" name="clientKey" value={randomUUID()} />
          <fieldset>
            <legend className="text-lg font-semibold">{t("pain")}</legend>
            <div className="mt-2 grid grid-cols-4 gap-2 sm:grid-cols-6">
              {PAIN.map((pain) => (
                <label key={pain} className="flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-checked:border-teal-800 has-checked:bg-teal-50">
                  <input type="radio" name="pain" value={pain} required className="size-5" />
                  {t("painValue", { pain: String(pain) })}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor="session-note" className="block text-lg font-semibold">
              {t("note")}
            </label>
            <textarea id="session-note" name="note" rows={3} maxLength={500} className="mt-1.5 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base" />
          </div>
          <button
            type="submit"
            className={buttonClass("primary", "lg")}
          >
            {t("submit")}
          </button>
        </form>
        <p className="mt-4 text-sm text-slate-700">{t("print")}</p>
      </section>
    </div>
  );
}
