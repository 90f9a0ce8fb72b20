import Link from "next/link";
import { useTranslations } from "next-intl";
import type { PatientSearchResult } from "@/lib/patients/data";
import { formatDateOfBirth } from "./format-date-of-birth";
import { VisitTime } from "./visit-time";

interface Props {
  query: string;
  result: PatientSearchResult | null;
  pending: boolean;
  limit: number;
}

/** The answer to a search. The status line is always there, empty before a search, so each answer is announced. */
export function SearchResults({ query, result, pending, limit }: Props) {
  const t = useTranslations("staffPatients.search");
  const patients = result?.patients ?? [];
  const summary = (found: PatientSearchResult): string => {
    if (found.patients.length === 0) return t("none", { query });
    if (found.more) return t("more", { limit, query });
    return t("found", { count: found.patients.length, query });
  };
  return (
    <section aria-labelledby={result ? "results-heading" : undefined} className="mt-8">
      {result ? (
        <h2 id="results-heading" className="text-lg font-semibold">
          {t("results")}
        </h2>
      ) : null}
      <p role="status" className="mt-1 text-slate-700">
        {pending ? t("searching") : result ? summary(result) : ""}
      </p>
      {patients.length > 0 ? (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">{t("name")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("dateOfBirth")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("phone")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("email")}</th>
                <th scope="col" className="px-4 py-2 font-semibold">{t("nextAppointment")}</th>
              </tr>
            </thead>
            <tbody>
              {patients.map((p) => (
                <tr key={p.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link href={`/staff/patients/${p.id}`} className="text-teal-900 underline hover:text-teal-700">
                      {t("patientName", { lastName: p.lastName, firstName: p.firstName })}
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
                      <span className="text-slate-600">{t("noneBooked")}</span>
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
