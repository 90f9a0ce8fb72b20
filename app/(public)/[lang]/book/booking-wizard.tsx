"use client";

import { useEffect, useRef, useState } from "react";
import { therapistNameLookup } from "@/components/booking/therapist-name";
import { useCatalog, type Catalog } from "@/components/booking/use-catalog";
import { videoSearchZone } from "@/lib/booking/video-therapists";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import type { Language } from "@/lib/i18n/languages";
import { emptyDraft, OTHER_REASON, type BookingDraft } from "./booking-draft";
import { readStoredDraft, storeDraft } from "./booking-draft-storage";
import { DetailsStep } from "./details-step";
import { PlaceStep } from "./place-step";
import { ReasonStep } from "./reason-step";
import { secondaryButton } from "./step-frame";
import { TimeStep } from "./time-step";
import { VisitKindStep } from "./visit-kind-step";

type Step = 1 | 2 | 3 | 4 | 5;

function toStep(value: number | undefined): Step {
  return value === 2 || value === 3 || value === 4 || value === 5 ? value : 1;
}

function reasonText(draft: BookingDraft, catalog: Catalog, language: Language): string | undefined {
  if (draft.reasonChoice === OTHER_REASON) return draft.otherReason.trim() || undefined;
  return catalog.reasons.find((reason) => reason.slug === draft.reasonChoice)?.label[language];
}

/** The whole booking flow in one client component, so nothing typed is lost between steps. */
export function BookingWizard({ language }: { language: Language }) {
  const t = getDictionary(language).book;
  const catalog = useCatalog();
  // Read once: on the server there is no storage, and the first render there shows only the loading state.
  const [stored] = useState(readStoredDraft);
  const [draft, setDraft] = useState<BookingDraft>(() => stored?.draft ?? emptyDraft(language));
  const [step, setStep] = useState<Step>(() => toStep(stored?.step));
  const [hasMoved, setHasMoved] = useState(false);
  const idempotencyKey = useRef<string | null>(null);

  useEffect(() => {
    storeDraft(step, draft);
  }, [step, draft]);

  if (!catalog.data) {
    return (
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        {catalog.isError ? (
          <div role="alert" className="space-y-4">
            <p className="font-semibold text-red-800">{t.loadError}</p>
            <button type="button" className={secondaryButton} onClick={catalog.retry}>
              {t.retry}
            </button>
          </div>
        ) : (
          <p role="status" className="text-slate-700">
            {t.loading}
          </p>
        )}
      </div>
    );
  }

  const data = catalog.data;
  const update = (changes: Partial<BookingDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const goTo = (next: Step) => {
    setStep(next);
    setHasMoved(true);
  };

  const service = data.services.find((candidate) => candidate.id === draft.serviceId);
  const { mode, slot } = draft;
  // A video visit has no location to choose: it takes the location of the time the patient picks.
  const video = mode === "VIDEO";
  const location = data.locations.find((candidate) => candidate.id === (video ? slot?.locationId : draft.locationId));
  const common = { language, draft, update, focusHeading: hasMoved };

  // A step is shown only when every earlier choice is made, falling back to the first missing one.
  if (step === 1) return <ReasonStep key="reason" {...common} reasons={data.reasons} onNext={() => goTo(2)} />;
  if (step === 2 || !service || !mode) {
    return <VisitKindStep key="kind" {...common} catalog={data} onBack={() => goTo(1)} onNext={() => goTo(3)} />;
  }
  if (step === 3 || (!video && !location)) {
    return (
      <PlaceStep key="place" {...common} catalog={data} serviceId={service.id} mode={mode} onBack={() => goTo(2)} onNext={() => goTo(4)} />
    );
  }
  if (step === 4 || !slot || !location) {
    const searchZone =
      !video && location
        ? location.timeZone
        : videoSearchZone(data.locations, data.therapists, { serviceId: service.id, therapistId: draft.therapistId });
    return (
      <TimeStep
        key="time"
        {...common}
        catalog={data}
        serviceId={service.id}
        mode={mode}
        locationId={video ? undefined : location?.id}
        timeZone={searchZone}
        onBack={() => goTo(3)}
        onNext={() => goTo(5)}
      />
    );
  }
  return (
    <DetailsStep
      key="details"
      {...common}
      service={service}
      mode={mode}
      location={location}
      slot={slot}
      reason={reasonText(draft, data, language)}
      therapistName={therapistNameLookup(data.therapists)}
      idempotencyKey={() => (idempotencyKey.current ??= crypto.randomUUID())}
      onBack={() => goTo(4)}
      onPickAnotherTime={() => goTo(4)}
    />
  );
}
