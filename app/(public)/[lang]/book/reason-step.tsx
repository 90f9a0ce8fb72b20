"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { ReasonDto } from "@/lib/booking/api-types";
import { FieldError } from "@/components/form/field-error";
import { RadioCard } from "@/components/form/radio-card";
import { TextField } from "@/components/form/text-field";
import type { Language } from "@/lib/i18n/languages";
import { OTHER_REASON, type BookingDraft } from "./booking-draft";
import { StepFrame } from "./step-frame";

interface ReasonStepProps {
  language: Language;
  reasons: ReasonDto[];
  draft: BookingDraft;
  update: (changes: Partial<BookingDraft>) => void;
  focusHeading: boolean;
  onNext: () => void;
}

export function ReasonStep({ language, reasons, draft, update, focusHeading, onNext }: ReasonStepProps) {
  const t = useTranslations("book.reason");
  const [error, setError] = useState<"choose" | "other" | null>(null);
  const groupRef = useRef<HTMLFieldSetElement>(null);

  const submit = () => {
    if (!draft.reasonChoice) {
      setError("choose");
      groupRef.current?.querySelector("input")?.focus();
      return;
    }
    if (draft.reasonChoice === OTHER_REASON && !draft.otherReason.trim()) {
      setError("other");
      document.getElementById("reason-other-text")?.focus();
      return;
    }
    onNext();
  };

  const choose = (value: string) => {
    setError(null);
    update({ reasonChoice: value });
  };

  return (
    <StepFrame step={1} title={t("title")} focusHeading={focusHeading} onSubmit={submit}>
      <fieldset
        ref={groupRef}
        aria-describedby={error === "choose" ? "reason-error" : undefined}
        className="space-y-3"
      >
        <legend className="mb-3 text-slate-700">{t("legend")}</legend>
        <FieldError id="reason-error" message={error === "choose" ? t("chooseError") : undefined} />
        {reasons.map((reason) => (
          <RadioCard
            key={reason.slug}
            id={`reason-${reason.slug}`}
            name="reason"
            value={reason.slug}
            checked={draft.reasonChoice === reason.slug}
            onChange={() => choose(reason.slug)}
            label={reason.label[language]}
          />
        ))}
        <RadioCard
          id="reason-other"
          name="reason"
          value={OTHER_REASON}
          checked={draft.reasonChoice === OTHER_REASON}
          onChange={() => choose(OTHER_REASON)}
          label={t("other")}
        />
      </fieldset>
      {draft.reasonChoice === OTHER_REASON ? (
        <TextField
          id="reason-other-text"
          label={t("otherLabel")}
          value={draft.otherReason}
          onChange={(event) => update({ otherReason: event.target.value })}
          maxLength={500}
          autoComplete="off"
          error={error === "other" ? t("otherError") : undefined}
        />
      ) : null}
    </StepFrame>
  );
}
