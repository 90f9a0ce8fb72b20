import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/require-staff";
import { staffContext } from "@/lib/http/staff-context";
import { searchPatients, SEARCH_LIMIT } from "@/lib/patients/data";
import { MAX_QUERY_LENGTH, parsePatientQuery } from "@/lib/patients/search-query";
import { SearchResults } from "./search-results";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: PageProps<"/staff/patients">) {
  const staff = await requireStaff("ADMIN", "FRONT_DESK", "THERAPIST");
  const { q } = await searchParams;
  const text = typeof q === "string" ? q : "";
  const query = parsePatientQuery(text);
  const problem = query && "problem" in query ? query.problem : null;
  const result = query && "criterion" in query ? await searchPatients(staff, query.criterion, (await staffContext()).now) : null;

  return (
    <>
      <h1 className="text-2xl font-bold">Patients</h1>
      {staff.role === "THERAPIST" ? <p className="mt-2 text-slate-700">You see the patients you have a visit with.</p> : null}
      <form role="search" action="/staff/patients" method="get" className="mt-6 max-w-2xl">
        <label htmlFor="q" className="block font-medium">
          Find a patient
        </label>
        <p id="q-hint" className="text-sm text-slate-700">
          Part of a name, a phone number, an email, or a date of birth (YYYY-MM-DD or MM/DD/YYYY).
        </p>
        <div className="mt-2 flex gap-2">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={text}
            maxLength={MAX_QUERY_LENGTH}
            autoComplete="off"
            aria-describedby={problem ? "q-hint q-problem" : "q-hint"}
            aria-invalid={problem ? true : undefined}
            className="w-full rounded-md border border-slate-400 bg-white px-3 py-2"
          />
          <button type="submit" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">
            Search
          </button>
        </div>
        {problem ? (
          <p id="q-problem" className="mt-2 text-sm text-red-800">
            {problem}
          </p>
        ) : null}
      </form>
      {result ? <SearchResults query={text.trim()} patients={result.patients} more={result.more} limit={SEARCH_LIMIT} /> : null}
    </>
  );
}
