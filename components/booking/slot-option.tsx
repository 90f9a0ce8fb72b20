"use client";

import { useTranslations } from "next-intl";
import type { SlotDto } from "@/lib/booking/api-types";
import { slotKey } from "@/lib/booking/slot-week";
import { formatTime } from "@/lib/i18n/format-date-time";
import type { Language } from "@/lib/i18n/languages";

interface SlotOptionProps {
  /** Shared by every time of one group, so arrow keys move between them. */
  name: string;
  slot: SlotDto;
  /** The day in full ("Thursday, December 3"), said after the time. */
  dayLabel: string;
  timeZone: string;
  language: Language;
  /** The same time on the patient's own clock, when it reads differently. */
  patientTime: string | null;
  therapistName: string | null;
  checked: boolean;
  onSelect: (slot: SlotDto) => void;
}

/** One open time as a radio button: the clinic's time, the patient's beneath it, and a visible mark when it is final. */
export function SlotOption({ name, slot, dayLabel, timeZone, language, patientTime, therapistName, checked, onSelect }: SlotOptionProps) {
  const t = useTranslations();
  const time = formatTime(slot.start, timeZone, language);
  // Inside the cut-off: said in words on the button and in its name, not by colour.
  const final = !slot.changeableOnline;
  const label = t("slots.slotName", {
    day: dayLabel,
    time: patientTime ? t("videoVisit.slots.slotTime", { clinicTime: time, patientTime }) : time,
    therapist: therapistName ?? "none",
  });
  return (
    <label className="flex min-h-11 cursor-pointer items-center justify-center gap-1.5 rounded-lg border border-slate-300 bg-white px-1.5 py-2 text-sm font-medium whitespace-nowrap tabular-nums text-slate-800 hover:border-brand-700 has-checked:border-brand-700 has-checked:bg-brand-700 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus">
      <input
        type="radio"
        name={name}
        value={slotKey(slot)}
        checked={checked}
        onChange={() => onSelect(slot)}
        aria-label={final ? `${label} (${t("terms.finalName")})` : label}
        // Keeps a focused time clear of the booking step's sticky Continue bar.
        className="size-3.5 shrink-0 scroll-mb-28 checked:accent-white focus-visible:outline-none"
      />
      {patientTime || final ? (
        <span className="flex flex-col items-start leading-tight">
          <span>{time}</span>
          {patientTime ? <span className="text-xs font-normal">{patientTime}</span> : null}
          {final ? (
            <span aria-hidden="true" className="text-xs font-semibold">
              <span className="mr-0.5">⚠</span>
              {t("terms.finalMark")}
            </span>
          ) : null}
        </span>
      ) : (
        <span>{time}</span>
      )}
    </label>
  );
}
