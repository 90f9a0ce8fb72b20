"use client";

import { buttonClass } from "@/components/form/button";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { StrandedList } from "./stranded-list";
import type { StrandedQuestion } from "./use-schedule-change";

interface StrandedWarningProps {
  question: StrandedQuestion;
  therapistFirstName: string;
  /**
   * The heading when the change is not about the therapist's time, e.g. "2
   * booked visits are in this room", or made from the count ("3 booked visits").
   */
  title?: string | ((visits: string) => string);
  /** A line after the usual advice, e.g. that a zone change keeps each visit's moment. */
  note?: string;
  pending: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

/** Lists the booked visits a change would strand and asks before saving. */
export function StrandedWarning({ question, therapistFirstName, title, note, pending, onConfirm, onBack }: StrandedWarningProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const t = useTranslations("staffSchedules");
  const count = question.stranded.length;
  const visits = t("stranded.visits", { count });

  useEffect(() => {
    headingRef.current?.focus();
  }, [question]);

  return (
    <section aria-labelledby={headingId} className="mt-4 rounded-xl border-2 border-amber-600 bg-amber-50 p-4">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="font-bold text-amber-950">
        {question.changed
          ? t("stranded.changed", { visits })
          : typeof title === "function"
            ? title(visits)
            : (title ?? t("stranded.leftWithout", { visits, therapist: therapistFirstName }))}
      </h3>
      <p className="mt-1 text-sm text-slate-800">{t("stranded.advice", { count })}</p>
      {note ? <p className="mt-1 text-sm text-slate-800">{note}</p> : null}
      <StrandedList stranded={question.stranded} />
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={onConfirm} disabled={pending} className="rounded-md bg-amber-800 px-4 py-2 font-semibold text-white hover:bg-amber-900 disabled:opacity-60">
          {pending ? t("saving") : t("stranded.saveAnyway")}
        </button>
        <button type="button" onClick={onBack} disabled={pending} className={buttonClass("secondary")}>
          {t("stranded.goBack")}
        </button>
      </div>
    </section>
  );
}
