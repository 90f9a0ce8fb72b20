import type { ProfileVisit } from "@/lib/patients/data";
import { VisitTime } from "../visit-time";
import { MODE_LABEL, STATUS_LABEL } from "../visit-labels";
import { VisitMessages } from "../../visit-messages/visit-messages";

/** `mayResend`: the front desk may send an upcoming booked visit's links again from here. */
export function VisitsTable({ caption, visits, empty, mayResend = false }: { caption: string; visits: ProfileVisit[]; empty: string; mayResend?: boolean }) {
  if (visits.length === 0) return <p className="mt-2 text-slate-700">{empty}</p>;
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">When</th>
            <th scope="col" className="px-4 py-2 font-semibold">Service</th>
            <th scope="col" className="px-4 py-2 font-semibold">Therapist</th>
            <th scope="col" className="px-4 py-2 font-semibold">Visit</th>
            <th scope="col" className="px-4 py-2 font-semibold">Status</th>
            <th scope="col" className="px-4 py-2 font-semibold">Messages</th>
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
                {MODE_LABEL[v.mode]}
                <span className="block text-xs text-slate-600">{v.locationName}</span>
              </td>
              <td className="px-4 py-2">{STATUS_LABEL[v.status]}</td>
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
