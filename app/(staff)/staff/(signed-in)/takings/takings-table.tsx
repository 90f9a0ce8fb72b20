import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatLongDate, formatTime } from "@/lib/i18n/format-date-time";
import { formatPrice } from "@/lib/i18n/format-price";
import type { TakingsLine } from "@/lib/money/schema";

/** A day's payments and refunds, timed on the location's clock. */
export async function TakingsTable({ caption, lines, timeZone }: { caption: string; lines: TakingsLine[]; timeZone: string }) {
  const t = await getTranslations("staffMoney");
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">{t("takings.time")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("takings.kind")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("takings.patient")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("takings.visit")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("takings.purpose")}</th>
            <th scope="col" className="px-4 py-2 text-right font-semibold">{t("takings.amount")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            const at = l.at.toISOString();
            return (
              <tr key={`${l.kind}-${l.id}`} className="border-t border-slate-200 align-top" data-line-id={l.id}>
                <td className="px-4 py-2">
                  <time dateTime={at}>{formatTime(at, timeZone, "en")}</time>
                </td>
                <td className="px-4 py-2">{t("takings.kindValue", { kind: l.kind })}</td>
                <td className="px-4 py-2">
                  {l.patient ? (
                    <Link href={`/staff/patients/${l.patient.id}`} className="text-teal-900 underline">
                      {l.patient.name}
                    </Link>
                  ) : (
                    t("takings.noPatient")
                  )}
                </td>
                <td className="px-4 py-2">
                  {l.visit ? (
                    <>
                      {l.visit.serviceName}
                      <span className="block text-xs text-slate-600">
                        {formatLongDate(l.visit.startsAt.toISOString(), l.visit.timeZone, "en")}, {formatTime(l.visit.startsAt.toISOString(), l.visit.timeZone, "en")}
                      </span>
                    </>
                  ) : (
                    t("takings.noVisit")
                  )}
                </td>
                <td className="px-4 py-2">{t("purpose", { purpose: l.purpose })}</td>
                <td className="px-4 py-2 text-right">
                  {l.kind === "refund" ? "−" : ""}
                  {formatPrice(l.amountCents, l.currency, "en")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
