"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { SlotDto } from "@/lib/booking/api-types";
import type { Language } from "@/lib/i18n/languages";
import { SlotRadioGroup } from "./slot-radio-group";
import { groupSlotsByDay } from "@/lib/booking/slot-week";

interface ConflictAlternativesProps {
  language: Language;
  /** Why the chosen time failed; announced as an alert. */
  message: string;
  alternatives: SlotDto[];
  timeZone: string;
  therapistName: (therapistId: string) => string | null;
  confirmLabel: string;
  confirming: boolean;
  onConfirm: (slot: SlotDto) => void;
  onPickAnother: () => void;
  pickAnotherLabel: string;
  /** Video visits: each time also on the patient's own clock. */
  showPatientTime?: boolean;
}

const button =
  "inline-flex min-h-12 items-center justify-center rounded-xl px-5 py-3 font-semibold disabled:cursor-wait disabled:bg-slate-500";

/** Shown when the chosen time was taken meanwhile (409): the nearest free times, one click from booking. */
export function ConflictAlternatives(props: ConflictAlternativesProps) {
  const { language, alternatives, timeZone } = props;
  const t = useTranslations("book.conflict");
  const [selected, setSelected] = useState<SlotDto | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const alertRef = useRef<HTMLParagraphElement>(null);

  // The submit button was disabled while sending, so focus must be put somewhere useful.
  useEffect(() => {
    alertRef.current?.focus();
  }, [props.message, alternatives]);

  const days = groupSlotsByDay(alternatives, timeZone, true);

  const confirm = () => {
    if (!selected) {
      setMissingChoice(true);
      return;
    }
    props.onConfirm(selected);
  };

  return (
    <div className="space-y-4 rounded-xl border-2 border-amber-600 bg-amber-50 p-4">
      <p ref={alertRef} role="alert" tabIndex={-1} className="font-semibold text-slate-900">
        {props.message}
      </p>
      {days.length > 0 ? (
        <>
          <SlotRadioGroup
            name="alternative"
            legend={t("alternativesLegend")}
            days={days}
            timeZone={timeZone}
            language={language}
            therapistName={props.therapistName}
            selected={selected}
            onSelect={(slot) => {
              setMissingChoice(false);
              setSelected(slot);
            }}
            describedBy={missingChoice ? "alternative-error" : undefined}
            showPatientTime={props.showPatientTime}
          />
          {missingChoice ? (
            <p id="alternative-error" className="text-sm font-semibold text-red-700">
              {t("chooseAlternative")}
            </p>
          ) : null}
        </>
      ) : (
        <p className="text-slate-800">{t("noAlternatives")}</p>
      )}
      <div className="flex flex-col gap-3 sm:flex-row">
        {days.length > 0 ? (
          <button type="button" onClick={confirm} disabled={props.confirming} className={`${button} bg-brand-700 text-white hover:bg-brand-800`}>
            {props.confirmLabel}
          </button>
        ) : null}
        <button type="button" onClick={props.onPickAnother} className={`${button} border border-slate-300 bg-white text-brand-800 hover:bg-brand-50`}>
          {props.pickAnotherLabel}
        </button>
      </div>
    </div>
  );
}
