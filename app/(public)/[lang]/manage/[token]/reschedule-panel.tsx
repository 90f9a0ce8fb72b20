"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { BookingDto, SlotDto } from "@/lib/booking/api-types";
import { rescheduleBooking } from "@/components/booking/api-client";
import { ConflictAlternatives } from "@/components/booking/conflict-alternatives";
import { slotConflict } from "@/components/booking/slot-conflict";
import { todayIn } from "@/lib/booking/slot-week";
import { therapistNameLookup } from "@/components/booking/therapist-name";
import { useTherapists } from "@/components/booking/use-catalog";
import { WeekSlotPicker } from "@/components/booking/week-slot-picker";
import { FieldError } from "@/components/form/field-error";
import type { Language } from "@/lib/i18n/languages";
import { changeFailure, isStaleBooking } from "./change-failure";

interface ReschedulePanelProps {
  booking: BookingDto;
  token: string;
  language: Language;
  onDone: (booking: BookingDto) => void;
  onClose: () => void;
}

const primary =
  "inline-flex min-h-12 items-center justify-center rounded-xl bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:cursor-wait disabled:bg-slate-500";
const secondary =
  "inline-flex min-h-12 items-center justify-center rounded-xl border border-slate-300 bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-brand-50";

/** The same week view as the booking flow, for the booking's own service, location and kind of visit. */
export function ReschedulePanel({ booking, token, language, onDone, onClose }: ReschedulePanelProps) {
  const book = useTranslations("book");
  const t = useTranslations("manage.reschedule");
  const failureText = useTranslations("manage.failure");
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The button that opened the panel is gone; start the patient at the panel's heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const therapists = useTherapists();
  const zone = booking.timeZone;
  const [today] = useState(() => todayIn(zone));
  const [weekStart, setWeekStart] = useState(today);
  const [selected, setSelected] = useState<SlotDto | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ message: string; alternatives: SlotDto[] } | null>(null);
  const mutation = useMutation({ mutationFn: (slot: SlotDto) => rescheduleBooking(token, { start: slot.start, therapistId: slot.therapistId }) });

  // Before the therapist list arrives, slot names fall back to the booking's own therapist.
  const lookup = therapistNameLookup(therapists.data ?? []);
  const therapistName = (id: string) =>
    lookup(id) ?? (id === booking.therapist.id ? `${booking.therapist.firstName} ${booking.therapist.lastName}` : null);

  const move = (slot: SlotDto) => {
    setFailure(null);
    mutation.mutate(slot, {
      onSuccess: onDone,
      onError: (error) => {
        const conflictFound = slotConflict(error);
        if (conflictFound) {
          void queryClient.invalidateQueries({ queryKey: ["availability"] });
          setConflict({ message: t(`conflict.${conflictFound.code}`), alternatives: conflictFound.alternatives });
          return;
        }
        if (isStaleBooking(error)) void queryClient.invalidateQueries({ queryKey: ["booking", token] });
        setFailure(failureText(changeFailure(error)));
      },
    });
  };

  const confirm = () => {
    if (!selected) {
      setMissingChoice(true);
      document.querySelector<HTMLInputElement>('input[name="new-time"]')?.focus();
      return;
    }
    move(selected);
  };

  return (
    <section aria-labelledby="reschedule-heading" className="space-y-4 rounded-xl border border-slate-300 p-4">
      <h3 id="reschedule-heading" ref={headingRef} tabIndex={-1} className="text-lg font-bold text-slate-900">
        {t("heading")}
      </h3>
      {failure ? (
        <p role="alert" className="rounded-lg border-2 border-red-700 p-3 font-semibold text-red-800">
          {failure}
        </p>
      ) : null}
      {conflict ? (
        <ConflictAlternatives
          language={language}
          message={conflict.message}
          alternatives={conflict.alternatives}
          timeZone={zone}
          therapistName={therapistName}
          confirmLabel={t("confirm")}
          confirming={mutation.isPending}
          onConfirm={move}
          onPickAnother={() => {
            setConflict(null);
            setSelected(null);
          }}
          pickAnotherLabel={book("conflict.pickAnotherTime")}
          showPatientTime={booking.mode === "VIDEO"}
        />
      ) : (
        <>
          <FieldError id="new-time-error" message={missingChoice ? t("chooseError") : undefined} />
          <WeekSlotPicker
            language={language}
            name="new-time"
            serviceId={booking.service.id}
            locationId={booking.location.id}
            mode={booking.mode}
            postalCode={booking.mode === "HOME" ? booking.visitAddress?.postalCode : undefined}
            timeZone={zone}
            today={today}
            weekStart={weekStart}
            onWeekChange={setWeekStart}
            therapistName={therapistName}
            selected={selected}
            onSelect={(slot) => {
              setMissingChoice(false);
              setSelected(slot);
            }}
            errorId={missingChoice ? "new-time-error" : undefined}
            speakers={therapists.data ? { patientLanguage: booking.language, therapists: therapists.data } : undefined}
          />
          <div className="flex flex-col gap-3 sm:flex-row">
            <button type="button" onClick={confirm} disabled={mutation.isPending} className={primary}>
              {mutation.isPending ? t("saving") : t("confirm")}
            </button>
            <button type="button" onClick={onClose} className={secondary}>
              {t("close")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
