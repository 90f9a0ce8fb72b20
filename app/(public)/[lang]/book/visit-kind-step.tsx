"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ServiceDto, VisitModeDto } from "@/lib/booking/api-types";
import { FieldError } from "@/components/form/field-error";
import { RadioCard } from "@/components/form/radio-card";
import { TextField } from "@/components/form/text-field";
import type { Catalog } from "@/components/booking/use-catalog";
import { formatPrice } from "@/lib/i18n/format-price";
import type { Language } from "@/lib/i18n/languages";
import { onlineModes, type BookingDraft } from "./booking-draft";
import { locationsFor } from "./eligibility";
import { secondaryButton } from "./button-styles";
import { StepFrame } from "./step-frame";

interface VisitKindStepProps {
  language: Language;
  catalog: Catalog;
  draft: BookingDraft;
  update: (changes: Partial<BookingDraft>) => void;
  focusHeading: boolean;
  onNext: () => void;
  onBack: () => void;
}

type KindError = "service" | "mode" | "postalCode" | "notServed";

/** Later choices depend on these, so changing one clears what came after it. */
const clearedLaterChoices = { locationId: null, therapistId: null, slot: null } satisfies Partial<BookingDraft>;

export function VisitKindStep({ language, catalog, draft, update, focusHeading, onNext, onBack }: VisitKindStepProps) {
  const t = useTranslations("book.kind");
  const video = useTranslations("videoVisit.kind");
  const modeText = (mode: VisitModeDto) =>
    mode === "VIDEO" ? { label: video("label"), hint: video("hint") } : { label: t(`modes.${mode}.label`), hint: t(`modes.${mode}.hint`) };
  const [error, setError] = useState<KindError | null>(null);
  const services = catalog.services.filter((service) => onlineModes(service).length > 0);
  const service = services.find((candidate) => candidate.id === draft.serviceId);
  const modes = service ? onlineModes(service) : [];

  const chooseService = (next: ServiceDto) => {
    setError(null);
    const allowed = onlineModes(next);
    const mode = draft.mode && allowed.includes(draft.mode) ? draft.mode : allowed.length === 1 ? allowed[0]! : null;
    update({ serviceId: next.id, mode, ...clearedLaterChoices });
  };

  const chooseMode = (mode: VisitModeDto) => {
    setError(null);
    update({ mode, ...clearedLaterChoices });
  };

  const seeInClinic = () => {
    chooseMode("CLINIC");
    onNext();
  };

  const fail = (kind: KindError, focusId: string) => {
    setError(kind);
    document.getElementById(focusId)?.focus();
  };

  const submit = () => {
    if (!service) return fail("service", `service-${services[0]?.id ?? ""}`);
    if (!draft.mode) return fail("mode", `mode-${modes[0] ?? ""}`);
    if (draft.mode === "HOME") {
      if (!draft.postalCode.trim()) return fail("postalCode", "postal-code");
      const serving = locationsFor(catalog.locations, catalog.therapists, {
        serviceId: service.id,
        mode: "HOME",
        postalCode: draft.postalCode,
      });
      if (serving.length === 0) return fail("notServed", "postal-code");
    }
    onNext();
  };

  const postalCodeError =
    error === "postalCode" ? t("postalCodeError") : error === "notServed" ? t("notServed", { postalCode: draft.postalCode.trim() }) : undefined;

  return (
    <StepFrame step={2} title={t("title")} focusHeading={focusHeading} onSubmit={submit} onBack={onBack}>
      <fieldset aria-describedby={error === "service" ? "service-error" : undefined} className="space-y-3">
        <legend className="mb-3 text-lg font-semibold text-slate-900">{t("serviceLegend")}</legend>
        <FieldError id="service-error" message={error === "service" ? t("serviceError") : undefined} />
        {services.map((candidate) => (
          <RadioCard
            key={candidate.id}
            id={`service-${candidate.id}`}
            name="service"
            value={candidate.id}
            checked={candidate.id === draft.serviceId}
            onChange={() => chooseService(candidate)}
            label={candidate.name[language]}
            hint={
              <>
                <span className="block font-medium text-slate-800">
                  {t("minutes", { minutes: candidate.durationMinutes })} ·{" "}
                  {candidate.priceCents === 0 ? t("free") : formatPrice(candidate.priceCents, candidate.currency, language)}
                  {candidate.newPatientsOnly ? ` · ${t("newPatientsOnly")}` : ""}
                </span>
                {candidate.description[language] ? <span className="mt-1 block">{candidate.description[language]}</span> : null}
              </>
            }
          />
        ))}
      </fieldset>

      {service ? (
        <fieldset aria-describedby={error === "mode" ? "mode-error" : undefined} className="space-y-3">
          <legend className="mb-3 text-lg font-semibold text-slate-900">{t("modeLegend")}</legend>
          <FieldError id="mode-error" message={error === "mode" ? t("modeError") : undefined} />
          {modes.map((mode) => (
            <RadioCard
              key={mode}
              id={`mode-${mode}`}
              name="mode"
              value={mode}
              checked={draft.mode === mode}
              onChange={() => chooseMode(mode)}
              label={modeText(mode).label}
              hint={modeText(mode).hint}
            />
          ))}
        </fieldset>
      ) : null}

      {draft.mode === "HOME" ? (
        <div className="space-y-3">
          <TextField
            id="postal-code"
            label={t("postalCodeLabel")}
            hint={t("postalCodeHint")}
            error={postalCodeError}
            value={draft.postalCode}
            onChange={(event) => {
              setError(null);
              update({ postalCode: event.target.value, ...clearedLaterChoices });
            }}
            autoComplete="postal-code"
            inputMode="text"
            maxLength={10}
            className="max-w-xs"
          />
          {error === "notServed" && modes.includes("CLINIC") ? (
            <button type="button" className={secondaryButton} onClick={seeInClinic}>
              {t("useClinic")}
            </button>
          ) : null}
        </div>
      ) : null}
    </StepFrame>
  );
}
