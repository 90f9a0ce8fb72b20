"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/form/field-error";
import { todayIn } from "@/lib/booking/slot-week";
import { therapistNameLookup } from "@/components/booking/therapist-name";
import type { Catalog } from "@/components/booking/use-catalog";
import { usePatientTimeZone } from "@/components/booking/use-patient-time-zone";
import { VisitTerms } from "@/components/booking/visit-terms";
import { WeekSlotPicker } from "@/components/booking/week-slot-picker";
import type { SlotDto, VisitModeDto } from "@/lib/booking/api-types";
import { patientClock, zoneGenericName } from "@/lib/booking/zone-pair";
import { formatDay, formatTime } from "@/lib/i18n/format-date-time";
import { withoutDoubledPeriod } from "@/lib/i18n/final-period";
import type { Language } from "@/lib/i18n/languages";
import type { BookingDraft } from "./booking-draft";
import { SlotChangeNote } from "./slot-change-note";
import { primaryButton } from "./button-styles";
import { StepFrame } from "./step-frame";

interface TimeStepProps {
  language: Language;
  catalog: Catalog;
  draft: BookingDraft;
  serviceId: string;
  mode: VisitModeDto;
  /** Omitted for a video visit: every location is searched. */
  locationId: string | undefined;
  /** The location's zone; for a video visit, the zone the search most likely answers in. */
  timeZone: string;
  update: (changes: Partial<BookingDraft>) => void;
  focusHeading: boolean;
  onNext: () => void;
  onBack: () => void;
}

export function TimeStep(props: TimeStepProps) {
  const { language, catalog, draft, update, serviceId, mode, timeZone } = props;
  const book = useTranslations("book");
  const t = useTranslations("book.time");
  const slots = useTranslations("slots");
  const video = useTranslations("videoVisit");
  const [error, setError] = useState(false);
  const [today] = useState(() => todayIn(timeZone));
  const patientZone = usePatientTimeZone();
  const weekStart = draft.weekStart && draft.weekStart > today ? draft.weekStart : today;
  const therapistName = therapistNameLookup(catalog.therapists);
  const slot = draft.slot;
  const service = catalog.services.find((candidate) => candidate.id === serviceId);
  const slotLocation = slot ? catalog.locations.find((location) => location.id === slot.locationId) : undefined;

  /** The chosen time in the slot's own location zone; for video, with the patient's clock beside it. */
  const chosenTime = (chosen: SlotDto) => {
    const zone = catalog.locations.find((location) => location.id === chosen.locationId)?.timeZone ?? timeZone;
    const time = formatTime(chosen.start, zone, language);
    const clock = mode === "VIDEO" ? patientClock({ start: chosen.start }, zone, patientZone, language) : null;
    const shown =
      mode === "VIDEO"
        ? video("bothTimes", {
            clinicTime: time,
            clinicZoneName: zoneGenericName(zone, language),
            patient: clock ? video("patientClock", { day: clock.day ?? "none", time: clock.time }) : "none",
            patientZone: patientZone ?? "none",
          })
        : time;
    return slots("when", { day: formatDay(chosen.start, zone, language), time: shown, therapist: therapistName(chosen.therapistId) ?? "none" });
  };

  const submit = () => {
    if (!slot) {
      setError(true);
      document.querySelector<HTMLInputElement>('input[name="slot"]')?.focus();
      return;
    }
    props.onNext();
  };

  return (
    // Continue is the step's own sticky bar, so on a phone it stays in reach below the day's times.
    <StepFrame step={4} title={t("title")} focusHeading={props.focusHeading} onSubmit={submit} onBack={props.onBack} hideSubmit>
      {service ? (
        <VisitTerms
          language={language}
          terms={{ priceCents: service.priceCents, currency: service.currency, mode, cancelCutoffMinutes: service.cancelCutoffMinutes, payment: service.payment }}
        />
      ) : null}
      <FieldError id="slot-error" message={error ? t("error") : undefined} />
      <WeekSlotPicker
        language={language}
        name="slot"
        serviceId={serviceId}
        locationId={props.locationId}
        mode={mode}
        postalCode={mode === "HOME" ? draft.postalCode.trim() : undefined}
        therapistId={draft.therapistId ?? undefined}
        timeZone={timeZone}
        today={today}
        weekStart={weekStart}
        onWeekChange={(next) => update({ weekStart: next })}
        therapistName={therapistName}
        selected={slot}
        onSelect={(next) => {
          setError(false);
          update({ slot: next });
        }}
        errorId={error ? "slot-error" : undefined}
        speakers={{ patientLanguage: draft.patient.language, therapists: catalog.therapists }}
      />
      <div aria-live="polite" className="space-y-2">
        {slot ? (
          <>
            <p className="font-medium text-slate-900">{withoutDoubledPeriod(t("chosen", { when: chosenTime(slot) }))}</p>
            <SlotChangeNote language={language} slot={slot} timeZone={slotLocation?.timeZone ?? timeZone} phone={slotLocation?.phone ?? null} />
          </>
        ) : null}
      </div>
      <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white px-4 py-3 sm:-mx-6 sm:px-6">
        <button type="submit" className={`${primaryButton} w-full sm:w-auto`}>
          {book("continue")}
        </button>
      </div>
    </StepFrame>
  );
}
