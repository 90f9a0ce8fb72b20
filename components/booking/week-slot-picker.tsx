"use client";

import { useQuery } from "@tanstack/react-query";
import type { SlotDto, VisitModeDto } from "@/lib/booking/api-types";
import { readsSameClock } from "@/lib/booking/zone-pair";
import { formatShortDate, formatZoneName } from "@/lib/i18n/format-date-time";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import type { Language } from "@/lib/i18n/languages";
import { availabilityQuery } from "./availability-query";
import { SlotRadioGroup } from "./slot-radio-group";
import { addDays, groupSlotsByDay, WEEK_DAYS, weekEnd } from "./slot-week";
import { usePatientTimeZone } from "./use-patient-time-zone";
import { getVideoVisitText } from "./video-visit-text";

interface WeekSlotPickerProps {
  language: Language;
  name: string;
  serviceId: string;
  /** Omitted: every location (a video visit, where the patient does not travel). */
  locationId?: string;
  mode: VisitModeDto;
  postalCode?: string;
  /** Omitted: every therapist who can take the visit. */
  therapistId?: string;
  /** The location's zone (for a video search, the likely one until the API names it): days and times are shown in it. */
  timeZone: string;
  /** The first local date that may be shown (today in the location's zone). */
  today: string;
  weekStart: string;
  onWeekChange: (weekStart: string) => void;
  therapistName: (therapistId: string) => string | null;
  selected: SlotDto | null;
  onSelect: (slot: SlotDto) => void;
  errorId?: string;
}

const navButton =
  "inline-flex min-h-11 items-center justify-center gap-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50 aria-disabled:cursor-not-allowed aria-disabled:border-slate-200 aria-disabled:text-slate-500 aria-disabled:hover:bg-white";

export function WeekSlotPicker(props: WeekSlotPickerProps) {
  const { language, timeZone, today, weekStart, onWeekChange } = props;
  const t = getDictionary(language).slots;
  const to = weekEnd(weekStart);
  const query = useQuery(
    availabilityQuery({
      serviceId: props.serviceId,
      locationId: props.locationId,
      mode: props.mode,
      postalCode: props.postalCode,
      therapistId: props.therapistId,
      from: weekStart,
      to,
      language,
    }),
  );
  const isFirstWeek = weekStart <= today;
  const fromLabel = formatShortDate(weekStart, language);
  const toLabel = formatShortDate(to, language);
  // The API answers in the location's zone too; prefer its word if it differs.
  const zone = query.data?.timeZone ?? timeZone;
  const days = query.data ? groupSlotsByDay(query.data.slots, zone, !props.therapistId) : [];
  const count = days.reduce((sum, day) => sum + day.slots.length, 0);
  const video = props.mode === "VIDEO";
  const patientZone = usePatientTimeZone();
  const videoText = getVideoVisitText(language).slots;
  let patientZoneNote: string | null = null;
  if (video && patientZone) {
    // Said once for the week shown: either "the smaller time is yours" or "that is your zone too".
    const instants = count > 0 ? days.flatMap((day) => day.slots.map((slot) => slot.start)) : [new Date().toISOString()];
    const differs = instants.some((instant) => !readsSameClock(zone, patientZone, instant));
    patientZoneNote = differs ? videoText.yourZone(formatZoneName(patientZone, language)) : videoText.sameZone;
  }

  const showWeek = (start: string) => onWeekChange(start < today ? today : start);

  let status = "";
  if (query.isPending) status = t.loading;
  else if (query.isError) status = t.error;
  else status = count === 0 ? t.empty : t.found(count, fromLabel, toLabel);

  return (
    <div className="space-y-4">
      <div className="space-y-1 text-sm text-slate-700">
        <p>{t.timeZoneNote(formatZoneName(zone, language))}</p>
        {patientZoneNote ? <p>{patientZoneNote}</p> : null}
      </div>

      <div className="space-y-2">
        <p className="text-center font-semibold text-slate-900">
          <span className="sr-only">{t.weekLabel}: </span>
          {t.week(fromLabel, toLabel)}
        </p>
        <div className="grid grid-cols-2 gap-2">
          <button
            type="button"
            className={navButton}
            aria-disabled={isFirstWeek || undefined}
            onClick={() => {
              if (!isFirstWeek) showWeek(addDays(weekStart, -WEEK_DAYS));
            }}
          >
            <span aria-hidden="true">←</span> {t.previousWeek}
          </button>
          <button type="button" className={navButton} onClick={() => showWeek(addDays(weekStart, WEEK_DAYS))}>
            {t.nextWeek} <span aria-hidden="true">→</span>
          </button>
        </div>
      </div>

      <p role="status" className={query.isSuccess && count > 0 ? "sr-only" : "text-slate-700"}>
        {status}
      </p>

      {query.isError ? (
        <button type="button" className={navButton} onClick={() => void query.refetch()}>
          {t.retry}
        </button>
      ) : null}

      {query.isSuccess && count === 0 ? (
        <button type="button" className={navButton} onClick={() => showWeek(addDays(weekStart, WEEK_DAYS))}>
          {t.showNextWeek} <span aria-hidden="true">→</span>
        </button>
      ) : null}

      {count > 0 ? (
        <SlotRadioGroup
          name={props.name}
          legend={t.legend}
          legendHidden
          days={days}
          timeZone={zone}
          language={language}
          therapistName={props.therapistName}
          selected={props.selected}
          onSelect={props.onSelect}
          describedBy={props.errorId}
          showPatientTime={video}
        />
      ) : null}
    </div>
  );
}
