import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isAuditAction } from "@/lib/audit/actions";
import type { AuditEntry } from "@/lib/audit/data";

const UTC = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC", hourCycle: "h23" });

export async function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = await getTranslations("staffAudit");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">{t("table.when")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("table.who")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("table.action")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("table.entity")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("table.address")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-slate-200 align-top">
              <td className="px-4 py-2 whitespace-nowrap">
                <time dateTime={e.at.toISOString()}>{UTC.format(e.at)}</time>
              </td>
              <td className="px-4 py-2">{e.who}</td>
              <td className="px-4 py-2">
                {isAuditAction(e.action) ? t(`action.${e.action}`) : null}
                <span className="block font-mono text-xs text-slate-600">{e.action}</span>
              </td>
              <td className="px-4 py-2">
                {e.entity} <span className="font-mono text-xs text-slate-600">{e.entityId}</span>
                {e.patientId ? (
                  <span className="block text-xs">
                    <Link href={`/staff/patients/${e.patientId}`} className="text-teal-900 underline">
                      {t("table.patientRecord")}
                    </Link>
                  </span>
                ) : null}
                {e.patientsListed > 1 ? <span className="block text-xs">{t("table.patientsListed", { count: e.patientsListed })}</span> : null}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{e.ipAddress ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
