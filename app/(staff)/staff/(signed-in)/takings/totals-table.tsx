import { getTranslations } from "next-intl/server";
import { formatPrice } from "@/lib/i18n/format-price";
import type { CurrencyTotals } from "@/lib/money/schema";

/** Taken, refunded and net, one row per currency (amounts in different currencies are never added). */
export async function TotalsTable({ caption, totals }: { caption: string; totals: CurrencyTotals[] }) {
  const t = await getTranslations("staffMoney.totals");
  if (totals.length === 0) return null;
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-4 pt-2 text-left font-semibold text-slate-900">{caption}</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">{t("currency")}</th>
            <th scope="col" className="px-4 py-2 text-right font-semibold">{t("taken")}</th>
            <th scope="col" className="px-4 py-2 text-right font-semibold">{t("refunded")}</th>
            <th scope="col" className="px-4 py-2 text-right font-semibold">{t("net")}</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((row) => (
            <tr key={row.currency} className="border-t border-slate-200" data-currency={row.currency}>
              <th scope="row" className="px-4 py-2 font-medium">{row.currency}</th>
              <td className="px-4 py-2 text-right">{formatPrice(row.takenCents, row.currency, "en")}</td>
              <td className="px-4 py-2 text-right">{formatPrice(row.refundedCents, row.currency, "en")}</td>
              <td className="px-4 py-2 text-right font-semibold" data-net>{formatPrice(row.netCents, row.currency, "en")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
