import { getTranslations } from "next-intl/server";
import type { VisitMode } from "@/lib/schedules/types";

const STYLE: Record<VisitMode, string> = {
  CLINIC: "border-slate-400 bg-slate-100 text-slate-900",
  // Home visits stand out: they decide where the therapist drives that afternoon.
  HOME: "border-amber-600 bg-amber-100 text-amber-950",
  VIDEO: "border-indigo-400 bg-indigo-50 text-indigo-950",
};

export async function ModeBadges({ modes }: { modes: readonly VisitMode[] }) {
  const t = await getTranslations("staffSchedules");
  return (
    <span className="inline-flex flex-wrap gap-1">
      {modes.map((mode) => (
        <span key={mode} className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${STYLE[mode]}`}>
          {t("mode", { mode })}
        </span>
      ))}
    </span>
  );
}
