"use client";

import type { SlotDto } from "@/lib/booking/api-types";
import { patientSlotTime } from "@/lib/booking/zone-pair";
import { formatDay, formatTime } from "@/lib/i18n/format-date-time";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import type { Language } from "@/lib/i18n/languages";
import { slotKey, type SlotDay } from "./slot-week";
import { usePatientTimeZone } from "./use-patient-time-zone";
import { getVideoVisitText } from "./video-visit-text";

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

export function SlotRadioGroup(props: SlotRadioGroupProps) {
  const { name, legend, days, timeZone, language, therapistName, selected, onSelect } = props;
  const dict = getDictionary(language);
  const t = dict.slots;
  const video = getVideoVisitText(language).slots;
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
      {anyFinal ? <p className="text-sm text-slate-700">{dict.terms.finalNote}</p> : null}
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
              {day.slots.map((slot) => {
                const key = slotKey(slot);
                const time = formatTime(slot.start, timeZone, language);
                const patientTime = patientTimes.get(key) ?? null;
                // Inside the cut-off: said in words on the button and in its name, not by colour.
                const final = !slot.changeableOnline;
                const name = t.slotName(dayLabel, patientTime ? video.slotTime(time, patientTime) : time, therapistName(slot.therapistId));
                return (
                  <li key={key}>
                    <label className="flex min-h-11 cursor-pointer items-center justify-center gap-1.5 rounded-lg border border-slate-300 bg-white px-1.5 py-2 text-sm font-medium whitespace-nowrap tabular-nums text-slate-800 hover:border-brand-700 has-checked:border-brand-700 has-checked:bg-brand-700 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus">
                      <input
                        type="radio"
                        name={name}
                        value={key}
                        checked={key === selectedKey}
                        onChange={() => onSelect(slot)}
                        aria-label={final ? `${name} (${dict.terms.finalName})` : name}
                        className="size-3.5 shrink-0 checked:accent-white focus-visible:outline-none"
                      />
                      {patientTime || final ? (
                        <span className="flex flex-col items-start leading-tight">
                          <span>{time}</span>
                          {patientTime ? <span className="text-xs font-normal">{patientTime}</span> : null}
                          {final ? (
                            <span aria-hidden="true" className="text-xs font-semibold">
                              <span className="mr-0.5">⚠</span>
                              {dict.terms.finalMark}
                            </span>
                          ) : null}
                        </span>
                      ) : (
                        <span>{time}</span>
                      )}
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </fieldset>
  );
}
