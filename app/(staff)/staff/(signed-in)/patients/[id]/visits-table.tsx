import { getTranslations } from "next-intl/server";
import type { ProfileVisit } from "@/lib/patients/data";
import { VisitTime } from "../visit-time";
import { VisitMessages } from "../../visit-messages/visit-messages";

/** `mayResend`: the front desk may send an upcoming booked visit's links again from here. */
export async function VisitsTable({ caption, visits, empty, mayResend = false }: { caption: string; visits: ProfileVisit[]; empty: string; mayResend?: boolean }) {
  const t = await getTranslations("staffPatients.visits");
  if (visits.length === 0) return <p className="mt-2 text-slate-700">{empty}</p>;
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">{t("when")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("service")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("therapist")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("visit")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("status")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("messages")}</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((v) => (
            <tr key={v.id} className="border-t border-slate-200 align-top">
              <td className="px-4 py-2">
                <VisitTime startsAt={v.startsAt} endsAt={v.endsAt} timeZone={v.timeZone} />
              </td>
              <td className="px-4 py-2">{v.serviceName}</td>
              <td className="px-4 py-2">{v.therapistName}</td>
              <td className="px-4 py-2">
                {t("mode", { mode: v.mode })}
                <span className="block text-xs text-slate-600">{v.locationName}</span>
              </td>
              <td className="px-4 py-2">{t("statusValue", { status: v.status })}</td>
              <td className="min-w-56 px-4 py-2">
                <VisitMessages appointmentId={v.id} canResend={mayResend && v.status === "BOOKED"} timeZone={v.timeZone} idPrefix={`visit-${v.id}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
