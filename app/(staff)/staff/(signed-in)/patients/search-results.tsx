import Link from "next/link";
import type { PatientSearchResult } from "@/lib/patients/data";
import { formatDateOfBirth } from "./format-date-of-birth";
import { VisitTime } from "./visit-time";

interface Props {
  query: string;
  result: PatientSearchResult | null;
  pending: boolean;
  limit: number;
}

function summaryOf(query: string, { patients, more }: PatientSearchResult, limit: number): string {
  if (patients.length === 0) return `No patients match “${query}”.`;
  if (more) return `Showing the first ${limit} patients matching “${query}”. Add more of the name, or search by phone or date of birth, to narrow it down.`;
  return `${patients.length} ${patients.length === 1 ? "patient matches" : "patients match"} “${query}”.`;
}

/** The answer to a search. The status line is always there, empty before a search, so each answer is announced. */
export function SearchResults({ query, result, pending, limit }: Props) {
  const patients = result?.patients ?? [];
  return (
    <section aria-labelledby={result ? "results-heading" : undefined} className="mt-8">
      {result ? (
        <h2 id="results-heading" className="text-lg font-semibold">
          Results
        </h2>
      ) : null}
      <p role="status" className="mt-1 text-slate-700">
        {pending ? "Searching…" : result ? summaryOf(query, result, limit) : ""}
      </p>
      {patients.length > 0 ? (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">Name</th>
                <th scope="col" className="px-4 py-2 font-semibold">Date of birth</th>
                <th scope="col" className="px-4 py-2 font-semibold">Phone</th>
                <th scope="col" className="px-4 py-2 font-semibold">Email</th>
                <th scope="col" className="px-4 py-2 font-semibold">Next appointment</th>
              </tr>
            </thead>
            <tbody>
              {patients.map((p) => (
                <tr key={p.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link href={`/staff/patients/${p.id}`} className="text-teal-900 underline hover:text-teal-700">
                      {p.lastName}, {p.firstName}
                    </Link>
                  </th>
                  <td className="px-4 py-2 whitespace-nowrap">{formatDateOfBirth(p.dateOfBirth)}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{p.phone}</td>
                  <td className="px-4 py-2">{p.email}</td>
                  <td className="px-4 py-2">
                    {p.nextVisit ? (
                      <>
                        <VisitTime startsAt={p.nextVisit.startsAt} timeZone={p.nextVisit.timeZone} />
                        <span className="block text-xs text-slate-600">{p.nextVisit.locationName}</span>
                      </>
                    ) : (
                      <span className="text-slate-600">None booked</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
