import { getTranslations } from "next-intl/server";
import type { VisitStatus } from "@/lib/db/appointment-status";

const LOOK: Record<VisitStatus, string> = {
  BOOKED: "bg-slate-100 text-slate-800 ring-slate-300",
  CHECKED_IN: "bg-amber-50 text-amber-900 ring-amber-300",
  COMPLETED: "bg-teal-50 text-teal-900 ring-teal-300",
  CANCELLED: "bg-slate-100 text-slate-700 ring-slate-300",
  NO_SHOW: "bg-red-50 text-red-800 ring-red-300",
};

export async function StatusBadge({ status }: { status: VisitStatus }) {
  const t = await getTranslations("staffToday");
  return <span className={`inline-block rounded-full px-3 py-0.5 text-sm font-semibold ring-1 ${LOOK[status]}`}>{t("status", { status })}</span>;
}
