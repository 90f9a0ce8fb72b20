"use client";

import { buttonClass } from "@/components/form/button";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { MAX_QUERY_LENGTH } from "@/lib/patients/search-query";
import { searchPatientsAction, type PatientSearchState } from "./actions";
import { SearchResults } from "./search-results";

const NOTHING_YET: PatientSearchState = { query: "", outcome: null };

/**
 * The search box and its results. The form posts to a server action, so the
 * term stays out of the address bar; the summary sits in a status region that
 * exists from the start, so screen readers announce each new answer.
 */
export function PatientSearch({ limit }: { limit: number }) {
  const t = useTranslations("staffPatients.search");
  const [state, formAction, pending] = useActionState(searchPatientsAction, NOTHING_YET);
  const [text, setText] = useState(state.query);
  const { outcome } = state;
  const problem = outcome?.ok === false ? (outcome.fields.q ?? outcome.message) : null;
  const result = outcome?.ok ? outcome.data : null;

  return (
    <>
      <form role="search" action={formAction} className="mt-6 max-w-2xl">
        <label htmlFor="q" className="block font-medium">
          {t("label")}
        </label>
        <p id="q-hint" className="text-sm text-slate-700">
          {t("hint")}
        </p>
        <div className="mt-2 flex gap-2">
          <input
            id="q"
            name="q"
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={MAX_QUERY_LENGTH}
            autoComplete="off"
            aria-describedby={problem ? "q-hint q-problem" : "q-hint"}
            aria-invalid={problem ? true : undefined}
            className="w-full rounded-md border border-slate-400 bg-white px-3 py-2"
          />
          <button type="submit" disabled={pending} className={buttonClass("primary")}>
            {t("submit")}
          </button>
        </div>
        {problem ? (
          <p id="q-problem" className="mt-2 text-sm text-red-800">
            {problem}
          </p>
        ) : null}
      </form>
      <SearchResults query={state.query} result={result} pending={pending} limit={limit} />
    </>
  );
}
