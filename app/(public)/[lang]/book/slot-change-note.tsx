import { useTranslations } from "next-intl";
import type { SlotDto } from "@/lib/booking/api-types";
import { formatLongDate, formatTime } from "@/lib/i18n/format-date-time";
import { withoutDoubledPeriod } from "@/lib/i18n/final-period";
import type { Language } from "@/lib/i18n/languages";

interface SlotChangeNoteProps {
  language: Language;
  slot: SlotDto;
  /** The zone of the slot's location: the deadline is written in the clinic's time, like the visit. */
  timeZone: string;
  phone: string | null;
}

/** For the chosen time: until when it can be changed online, or plainly that it cannot be at all. */
export function SlotChangeNote({ language, slot, timeZone, phone }: SlotChangeNoteProps) {
  const t = useTranslations("terms");
  if (!slot.changeableOnline) {
    return (
      <p className="rounded-lg border-2 border-amber-700 bg-amber-50 p-3 font-semibold text-slate-900">
        <span aria-hidden="true" className="mr-1">
          ⚠
        </span>
        {t("chosenFinal", { phone: phone ?? "none" })}
      </p>
    );
  }
  const deadline = `${formatLongDate(slot.changeableOnlineUntil, timeZone, language)}, ${formatTime(slot.changeableOnlineUntil, timeZone, language)}`;
  return <p className="text-slate-700">{withoutDoubledPeriod(t("chosenDeadline", { when: deadline }))}</p>;
}
