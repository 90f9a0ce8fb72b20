import { getTranslations } from "next-intl/server";
import type { StaffMember } from "@/lib/auth/mutations";
import { staffContext } from "@/lib/http/staff-context";
import { formatLongDate, formatTime } from "@/lib/i18n/format-date-time";
import { formatPrice } from "@/lib/i18n/format-price";
import { openPatientPayments, PATIENT_PAYMENTS_SHOWN } from "@/lib/money/data";
import { TotalsTable } from "../../takings/totals-table";

function when(at: Date, timeZone: string): string {
  const iso = at.toISOString();
  return `${formatLongDate(iso, timeZone, "en")}, ${formatTime(iso, timeZone, "en")}`;
}

/**
 * The patient's payments, refunds and totals, for the front desk and
 * administrators (a therapist's profile shows none); each payment is dated
 * on the wall clock of its visit's location. Reading it is audited.
 */
export async function PaymentsSection({ staff, patientId }: { staff: StaffMember; patientId: string }) {
  if (staff.role !== "ADMIN" && staff.role !== "FRONT_DESK") return null;
  const t = await getTranslations("staffMoney");
  const { payments, totals } = await openPatientPayments(staff, patientId, await staffContext());
  return (
    <section aria-labelledby="payments-heading" className="mt-8">
      <h2 id="payments-heading" className="text-lg font-semibold">
        {t("payments.title")}
      </h2>
      {payments.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("payments.none")}</p>
      ) : (
        <>
          <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("payments.caption")}</caption>
              <thead className="bg-slate-100 text-slate-800">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">{t("payments.when")}</th>
                  <th scope="col" className="px-4 py-2 font-semibold">{t("payments.visit")}</th>
                  <th scope="col" className="px-4 py-2 font-semibold">{t("payments.purpose")}</th>
                  <th scope="col" className="px-4 py-2 text-right font-semibold">{t("payments.amount")}</th>
                  <th scope="col" className="px-4 py-2 font-semibold">{t("payments.status")}</th>
                </tr>
              </thead>
              <tbody>
                {payments.map((p) => {
                  const zone = p.visit?.timeZone ?? "UTC";
                  return (
                    <tr key={p.id} className="border-t border-slate-200 align-top" data-payment-id={p.id}>
                      <td className="px-4 py-2">
                        <time dateTime={p.at.toISOString()}>{when(p.at, zone)}</time>
                      </td>
                      <td className="px-4 py-2">
                        {p.visit ? (
                          <>
                            {p.visit.serviceName}
                            <span className="block text-xs text-slate-600">
                              {when(p.visit.startsAt, p.visit.timeZone)} · {p.visit.locationName}
                            </span>
                          </>
                        ) : (
                          t("payments.noVisit")
                        )}
                      </td>
                      <td className="px-4 py-2">{t("purpose", { purpose: p.purpose })}</td>
                      <td className="px-4 py-2 text-right">
                        {p.amountCents !== null && p.currency ? formatPrice(p.amountCents, p.currency, "en") : t("payments.amountUnknown")}
                      </td>
                      <td className="px-4 py-2">
                        {t("payments.statusValue", { status: p.status })}
                        {p.refunds.length > 0 ? (
                          <ul className="mt-1 text-xs text-slate-700">
                            {p.refunds.map((r) => (
                              <li key={r.id}>
                                {t("payments.refund", { amount: formatPrice(r.amountCents, p.currency ?? "USD", "en"), date: when(r.at, zone), status: r.status })}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {payments.length === PATIENT_PAYMENTS_SHOWN ? <p className="mt-2 text-sm text-slate-700">{t("payments.mostRecent", { count: payments.length })}</p> : null}
          <TotalsTable caption={t("payments.totalsCaption")} totals={totals} />
        </>
      )}
    </section>
  );
}
