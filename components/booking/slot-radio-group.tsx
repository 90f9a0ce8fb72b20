"use client";

import { useTranslations } from "next-intl";
import type { SlotDto } from "@/lib/booking/api-types";
import { slotKey, type SlotDay } from "@/lib/booking/slot-week";
import { patientSlotTime } from "@/lib/booking/zone-pair";
import { formatDay } from "@/lib/i18n/format-date-time";
import type { Language } from "@/lib/i18n/languages";
import { SlotOption } from "./slot-option";
import { usePatientTimeZone } from "./use-patient-time-zone";

interface SlotRadioGroupProps {
  /** Shared by every radio, so the whole list is one group for the keyboard. */
  name: string;
  legend: string;
  /** Hide the legend when a visible heading above already says the same. */
  legendHidden?: boolean;
  days: SlotDay[];
  timeZone: string;
  language: Language;
  therapistName: (therapistId: string) => string | null;
  selected: SlotDto | null;
  onSelect: (slot: SlotDto) => void;
  describedBy?: string;
  /** Video visits: each time also on the patient's own clock, when it reads differently. */
  showPatientTime?: boolean;
}

/** Open times as one radio group, under a heading per day: for a short list, such as the alternatives to a taken time. */
export function SlotRadioGroup(props: SlotRadioGroupProps) {
  const { name, legend, days, timeZone, language, therapistName, selected, onSelect } = props;
  const terms = useTranslations("terms");
  const browserZone = usePatientTimeZone();
  const patientZone = props.showPatientTime ? browserZone : null;
  const patientTimes = new Map(days.flatMap((day) => day.slots).map((slot) => [slotKey(slot), patientSlotTime(slot.start, timeZone, patientZone, language)]));
  const anyFinal = days.some((day) => day.slots.some((slot) => !slot.changeableOnline));
  // Two lines per time need wider buttons on a phone.
  const twoLines = anyFinal || [...patientTimes.values()].some((time) => time !== null);
  const selectedKey = selected ? slotKey(selected) : null;
  return (
    <fieldset aria-describedby={props.describedBy} className="space-y-5">
      <legend className={props.legendHidden ? "sr-only" : "mb-2 font-semibold text-slate-900"}>{legend}</legend>
      {anyFinal ? <p className="text-sm text-slate-700">{terms("finalNote")}</p> : null}
      {days.map((day) => {
        const first = day.slots[0];
        if (!first) return null;
        const dayLabel = formatDay(first.start, timeZone, language);
        const headingId = `${name}-${day.date}`;
        return (
          <div key={day.date} role="group" aria-labelledby={headingId}>
            <h3 id={headingId} className="mb-2 text-sm font-semibold tracking-wide text-slate-700 uppercase">
              {dayLabel}
            </h3>
            <ul className={`grid gap-2 sm:grid-cols-4 ${twoLines ? "grid-cols-2" : "grid-cols-3"}`}>
              {day.slots.map((slot) => (
                <li key={slotKey(slot)}>
                  <SlotOption
                    name={name}
                    slot={slot}
                    dayLabel={dayLabel}
                    timeZone={timeZone}
                    language={language}
                    patientTime={patientTimes.get(slotKey(slot)) ?? null}
                    therapistName={therapistName(slot.therapistId)}
                    checked={slotKey(slot) === selectedKey}
                    onSelect={onSelect}
                  />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </fieldset>
  );
}
