import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { requireStaff } from "@/lib/auth/require-staff";
import { FOLLOW_UP_SHOWN, openFollowUp } from "@/lib/care-plans/follow-up";
import { staffContext } from "@/lib/http/staff-context";
import { formatLongDate } from "@/lib/i18n/format-date-time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffCarePlans.followUp");
  return { title: t("title") };
}

const DAY_MS = 86_400_000;

/**
 * The desk's follow-up list: patients of an active plan of care who are short
 * of booked visits, longest gap first, each with one action that opens the
 * calendar's booking dialog filled in with the plan's values.
 */
export default async function FollowUpPage() {
  const staff = await requireStaff("ADMIN", "FRONT_DESK");
  const t = await getTranslations("staffCarePlans.followUp");
  const ctx = await staffContext();
  const rows = await openFollowUp(staff, ctx);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro")}</p>
      {rows.length === 0 ? (
        <p className="mt-6 text-slate-700">{t("none")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-semibold">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("patient")}</th>
                <th scope="col" className="py-2 pr-4">{t("plan")}</th>
                <th scope="col" className="py-2 pr-4">{t("visits")}</th>
                <th scope="col" className="py-2 pr-4">{t("lastVisit")}</th>
                <th scope="col" className="py-2">{t("action")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const name = `${r.firstName} ${r.lastName}`;
                const days = Math.max(0, Math.floor((ctx.now.getTime() - r.gapSince.getTime()) / DAY_MS));
                const href = `/staff/calendar?${new URLSearchParams({ location: r.locationId, plan: r.carePlanId })}`;
                return (
                  <tr key={r.carePlanId} className="border-b border-slate-200 align-top" data-plan={r.carePlanId}>
                    <th scope="row" className="py-2 pr-4 font-semibold">
                      <Link href={`/staff/patients/${r.patientId}`} className="text-teal-900 underline">
                        {name}
                      </Link>
                    </th>
                    <td className="py-2 pr-4">
                      <p>{r.treats}</p>
                      <p className="text-slate-700">{r.serviceName} · {r.locationName}</p>
                      <p className="text-slate-700">{t("frequency", { visitsPerWeek: r.visitsPerWeek, weeks: r.weeks, therapist: r.therapistName })}</p>
                    </td>
                    <td className="py-2 pr-4">{t("counts", { prescribed: r.prescribed, attended: r.attended, booked: r.bookedAhead })}</td>
                    <td className="py-2 pr-4">
                      <p>{r.lastVisitAt ? formatLongDate(r.lastVisitAt.toISOString(), r.timeZone, "en") : t("noVisitYet")}</p>
                      <p className="text-slate-700">
                        {r.lastVisitAt ? t("gap", { days }) : `${t("since", { date: formatLongDate(r.gapSince.toISOString(), r.timeZone, "en") })}, ${t("gap", { days })}`}
                      </p>
                    </td>
                    <td className="py-2">
                      <Link href={href} className={buttonClass("primary", "sm")} aria-label={t("bookFor", { name })}>
                        {t("book")}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length === FOLLOW_UP_SHOWN ? <p className="mt-2 text-sm text-slate-700">{t("truncated", { count: FOLLOW_UP_SHOWN })}</p> : null}
        </div>
      )}
    </>
  );
}
