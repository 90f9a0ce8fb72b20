"use client";

import { useState } from "react";
import { FieldError } from "@/components/form/field-error";
import { todayIn } from "@/components/booking/slot-week";
import { therapistNameLookup } from "@/components/booking/therapist-name";
import type { Catalog } from "@/components/booking/use-catalog";
import { WeekSlotPicker } from "@/components/booking/week-slot-picker";
import { formatDay, formatTime } from "@/lib/i18n/format-date-time";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import type { Language } from "@/lib/i18n/languages";
import type { LocationDto } from "@/lib/booking/api-types";
import type { BookingDraft, OnlineVisitMode } from "./booking-draft";
import { StepFrame } from "./step-frame";

interface TimeStepProps {
  language: Language;
  catalog: Catalog;
  draft: BookingDraft;
  serviceId: string;
  mode: OnlineVisitMode;
  location: LocationDto;
  update: (changes: Partial<BookingDraft>) => void;
  focusHeading: boolean;
  onNext: () => void;
  onBack: () => void;
}

export function TimeStep(props: TimeStepProps) {
  const { language, catalog, draft, update, serviceId, mode, location } = props;
  const dict = getDictionary(language);
  const t = dict.book.time;
  const [error, setError] = useState(false);
  const [today] = useState(() => todayIn(location.timeZone));
  const weekStart = draft.weekStart && draft.weekStart > today ? draft.weekStart : today;
  const therapistName = therapistNameLookup(catalog.therapists);
  const slot = draft.slot;

  const submit = () => {
    if (!slot) {
      setError(true);
      document.querySelector<HTMLInputElement>('input[name="slot"]')?.focus();
      return;
    }
    props.onNext();
  };

  return (
    <StepFrame language={language} step={4} title={t.title} focusHeading={props.focusHeading} onSubmit={submit} onBack={props.onBack}>
      <FieldError id="slot-error" message={error ? t.error : undefined} />
      <WeekSlotPicker
        language={language}
        name="slot"
        serviceId={serviceId}
        locationId={location.id}
        mode={mode}
        postalCode={mode === "HOME" ? draft.postalCode.trim() : undefined}
        therapistId={draft.therapistId ?? undefined}
        timeZone={location.timeZone}
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
      />
      <p aria-live="polite" className="font-medium text-slate-900">
        {slot
          ? t.chosen(
              dict.slots.when(
                formatDay(slot.start, location.timeZone, language),
                formatTime(slot.start, location.timeZone, language),
                therapistName(slot.therapistId),
              ),
            )
          : null}
      </p>
    </StepFrame>
  );
}
