"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from "react";
import { primaryButton, secondaryButton } from "./button-styles";
import { StepProgress } from "./step-progress";
import { TOTAL_STEPS } from "./step-names";


interface StepFrameProps {
  /** 1-based. */
  step: number;
  title: string;
  /** True once the patient has moved between steps: then the heading takes focus, so screen readers announce the new step. */
  focusHeading: boolean;
  onSubmit: () => void;
  onBack?: () => void;
  submitLabel?: string;
  submitting?: boolean;
  /** When another control in the form takes over submitting (e.g. booking an alternative time). */
  hideSubmit?: boolean;
  /** Shown above the form's fields, e.g. an error summary. */
  top?: ReactNode;
  children: ReactNode;
}

export function StepFrame(props: StepFrameProps) {
  const { step, title, focusHeading } = props;
  const t = useTranslations("book");
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSubmit();
  };

  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <StepProgress step={step} />
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900">
        <span className="block text-sm font-semibold text-brand-800">{t("stepOf", { step, total: TOTAL_STEPS })}</span>{" "}
        {title}
      </h2>
      <form noValidate onSubmit={submit} className="mt-5 space-y-6">
        {props.top}
        {props.children}
        <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:justify-between">
          {props.onBack ? (
            <button type="button" onClick={props.onBack} className={secondaryButton}>
              <span aria-hidden="true">←&nbsp;</span>
              {t("back")}
            </button>
          ) : (
            <span />
          )}
          {props.hideSubmit ? null : (
            <button type="submit" disabled={props.submitting} className={primaryButton}>
              {props.submitLabel ?? t("continue")}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
