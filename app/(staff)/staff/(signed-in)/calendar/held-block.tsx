"use client";

import { useTranslations } from "next-intl";
import type { CalendarDto } from "@/lib/calendar/schema";
import { formatMinutes, localMinutes } from "./wall-clock";

/**
 * A time held while a patient pays online: busy, not a visit, and nobody's
 * that the desk needs to know. Nothing to open or drag; it goes when the
 * payment books it (then it is a visit card) or when the hold runs out.
 */
export function HeldBlock({ hold, style }: { hold: CalendarDto["holds"][number]; style?: React.CSSProperties }) {
  const t = useTranslations("staffCalendar.grid");
  return (
    <p
      data-held-until={hold.until}
      className="overflow-hidden rounded border border-dashed border-slate-500 bg-slate-50 px-1 text-xs text-slate-800"
      style={style}
    >
      {formatMinutes(localMinutes(hold.start))}–{formatMinutes(localMinutes(hold.end))} · {t("held", { time: formatMinutes(localMinutes(hold.until)) })}
    </p>
  );
}
