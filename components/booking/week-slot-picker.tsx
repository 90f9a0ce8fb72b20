"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { SlotDto, TherapistDto, VisitModeDto } from "@/lib/booking/api-types";
import { addDays, groupSlotsByDay, localDate, shownDay, slotKey, WEEK_DAYS, weekDates, weekEnd } from "@/lib/booking/slot-week";
import { patientSlotTime, readsSameClock } from "@/lib/booking/zone-pair";
import { formatLocalDay, formatLocalDayShort, formatShortDate, formatZoneName } from "@/lib/i18n/format-date-time";
import { withoutDoubledPeriod } from "@/lib/i18n/final-period";
import type { Language } from "@/lib/i18n/languages";
import { availabilityQuery } from "./availability-query";
import { DaySpeakersNote } from "./day-speakers-note";
import { SlotOption } from "./slot-option";
import { usePatientTimeZone } from "./use-patient-time-zone";

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
  /** When given: the day's times say which therapists speak the patient's language (an ISO 639-1 code). */
  speakers?: { patientLanguage: string; therapists: TherapistDto[] };
}

const navButton =
  "inline-flex min-h-11 items-center justify-center gap-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50 aria-disabled:cursor-not-allowed aria-disabled:border-slate-200 aria-disabled:text-slate-500 aria-disabled:hover:bg-white";

/**
 * A week strip of days, then the times of one day as a compact grid: short
 * enough for a phone. The days are one radio group and the times another, so
 * arrow keys move within each and Tab moves between them.
 */
export function WeekSlotPicker(props: WeekSlotPickerProps) {
  const { language, timeZone, today, weekStart, onWeekChange } = props;
  const t = useTranslations("slots");
  const terms = useTranslations("terms");
  const videoText = useTranslations("videoVisit.slots");
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
  const [chosenDate, setChosenDate] = useState<string | null>(null);
  const isFirstWeek = weekStart <= today;
  const fromLabel = formatShortDate(weekStart, language);
  const toLabel = formatShortDate(to, language);
  // The API answers in the location's zone too; prefer its word if it differs.
  const zone = query.data?.timeZone ?? timeZone;
  const days = query.data ? groupSlotsByDay(query.data.slots, zone, !props.therapistId) : [];
  const count = days.reduce((sum, day) => sum + day.slots.length, 0);
  const video = props.mode === "VIDEO";
  const patientZone = usePatientTimeZone();
  let patientZoneNote: string | null = null;
  if (video && patientZone) {
    // Said once for the week shown: either "the smaller time is yours" or "that is your zone too".
    const instants = count > 0 ? days.flatMap((day) => day.slots.map((slot) => slot.start)) : [new Date().toISOString()];
    const differs = instants.some((instant) => !readsSameClock(zone, patientZone, instant));
    patientZoneNote = differs ? videoText("yourZone", { zoneName: formatZoneName(patientZone, language) }) : videoText("sameZone");
  }

  const showWeek = (start: string) => onWeekChange(start < today ? today : start);

  const shown = shownDay(days, { chosenDate, selectedDate: props.selected ? localDate(props.selected.start, zone) : null });
  const shownSlots = days.find((day) => day.date === shown)?.slots ?? [];
  const shownLabel = shown ? formatLocalDay(shown, language) : "";
  const patientTimes = new Map(shownSlots.map((slot) => [slotKey(slot), video ? patientSlotTime(slot.start, zone, patientZone, language) : null]));
  const anyFinal = shownSlots.some((slot) => !slot.changeableOnline);
  // Two lines per time need wider buttons on a phone.
  const twoLines = anyFinal || [...patientTimes.values()].some((time) => time !== null);
  const selectedKey = props.selected ? slotKey(props.selected) : null;

  let status = "";
  if (query.isPending) status = t("loading");
  else if (query.isError) status = t("error");
  // A Spanish short date may end in an abbreviation's period ("4 sept.").
  else status = count === 0 ? t("empty") : withoutDoubledPeriod(t("found", { count, from: fromLabel, to: toLabel }));

  return (
    <div className="space-y-4">
      <div className="space-y-1 text-sm text-slate-700">
        <p>{t("timeZoneNote", { zone: formatZoneName(zone, language) })}</p>
        {patientZoneNote ? <p>{patientZoneNote}</p> : null}
      </div>

      <div className="space-y-2">
        <p className="text-center font-semibold text-slate-900">
          <span className="sr-only">{t("weekLabel")}: </span>
          {t("week", { from: fromLabel, to: toLabel })}
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
            <span aria-hidden="true">←</span> {t("previousWeek")}
          </button>
          <button type="button" className={navButton} onClick={() => showWeek(addDays(weekStart, WEEK_DAYS))}>
            {t("nextWeek")} <span aria-hidden="true">→</span>
          </button>
        </div>
      </div>

      <p role="status" className={query.isSuccess && count > 0 ? "sr-only" : "text-slate-700"}>
        {status}
      </p>

      {query.isError ? (
        <button type="button" className={navButton} onClick={() => void query.refetch()}>
          {t("retry")}
        </button>
      ) : null}

      {query.isSuccess ? (
        <fieldset>
          <legend className="sr-only">{t("dayLegend")}</legend>
          <ul className="grid grid-cols-7 gap-1">
            {weekDates(weekStart).map((date) => {
              const hasTimes = days.some((day) => day.date === date && day.slots.length > 0);
              const short = formatLocalDayShort(date, language);
              return (
                <li key={date}>
                  <label
                    className={`relative flex min-h-14 flex-col items-center justify-center rounded-lg border px-0.5 py-1.5 text-center leading-tight ${
                      hasTimes
                        ? "cursor-pointer border-slate-300 bg-white text-slate-900 hover:border-brand-700 has-checked:border-brand-700 has-checked:bg-brand-700 has-checked:text-white"
                        : "cursor-not-allowed border-dashed border-slate-300 bg-white text-slate-500"
                    } has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus`}
                  >
                    <input
                      type="radio"
                      name={`${props.name}-day`}
                      value={date}
                      checked={date === shown}
                      disabled={!hasTimes}
                      onChange={() => setChosenDate(date)}
                      aria-label={t("dayName", { day: formatLocalDay(date, language), hasTimes: hasTimes ? "yes" : "no" })}
                      className="sr-only"
                    />
                    <span aria-hidden="true" className="text-xs font-medium">
                      {short.weekday}
                    </span>
                    <span aria-hidden="true" className="text-base font-bold tabular-nums">
                      {short.day}
                    </span>
                    {hasTimes ? null : (
                      <span aria-hidden="true" className="text-[0.65rem]">
                        {t("noTimes")}
                      </span>
                    )}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}

      {query.isSuccess && count === 0 ? (
        <button type="button" className={navButton} onClick={() => showWeek(addDays(weekStart, WEEK_DAYS))}>
          {t("showNextWeek")} <span aria-hidden="true">→</span>
        </button>
      ) : null}

      {shown && shownSlots.length > 0 ? (
        <div className="space-y-3">
          <h3 className="font-semibold text-slate-900">{t("timesLegend", { day: shownLabel })}</h3>
          {props.speakers ? (
            <DaySpeakersNote
              language={language}
              patientLanguage={props.speakers.patientLanguage}
              therapists={props.speakers.therapists}
              slots={shownSlots}
            />
          ) : null}
          <fieldset aria-describedby={props.errorId}>
            <legend className="sr-only">{t("legend")}</legend>
            {anyFinal ? <p className="mb-2 text-sm text-slate-700">{terms("finalNote")}</p> : null}
            <ul className={`grid gap-2 sm:grid-cols-4 ${twoLines ? "grid-cols-2" : "grid-cols-3"}`}>
              {shownSlots.map((slot) => (
                <li key={slotKey(slot)}>
                  <SlotOption
                    name={props.name}
                    slot={slot}
                    dayLabel={shownLabel}
                    timeZone={zone}
                    language={language}
                    patientTime={patientTimes.get(slotKey(slot)) ?? null}
                    therapistName={props.therapistName(slot.therapistId)}
                    checked={slotKey(slot) === selectedKey}
                    onSelect={props.onSelect}
                  />
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
      ) : null}
    </div>
  );
}
