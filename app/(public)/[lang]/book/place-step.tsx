"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { LocationDto, TherapistDto, VisitModeDto } from "@/lib/booking/api-types";
import { FieldError } from "@/components/form/field-error";
import { RadioCard } from "@/components/form/radio-card";
import { languageName, nameList } from "@/components/booking/speaker-names";
import { therapistFullName } from "@/components/booking/therapist-name";
import type { Catalog } from "@/components/booking/use-catalog";
import { speakersOf } from "@/lib/booking/language-speakers";
import { videoTherapistsFor } from "@/lib/booking/video-therapists";
import { localeFor, type Language } from "@/lib/i18n/languages";
import type { BookingDraft } from "./booking-draft";
import { locationsFor, therapistsFor } from "./eligibility";
import { StepFrame } from "./step-frame";

interface PlaceStepProps {
  language: Language;
  catalog: Catalog;
  draft: BookingDraft;
  serviceId: string;
  mode: VisitModeDto;
  update: (changes: Partial<BookingDraft>) => void;
  focusHeading: boolean;
  onNext: () => void;
  onBack: () => void;
}

const FIRST_AVAILABLE = "_first";

function spokenLanguages(therapist: TherapistDto, language: Language): string {
  const names = new Intl.DisplayNames(localeFor(language), { type: "language" });
  const list = new Intl.ListFormat(localeFor(language), { type: "conjunction" });
  return list.format(therapist.languages.map((code) => names.of(code) ?? code));
}

function LocationAddress({ location }: { location: LocationDto }) {
  const { address } = location;
  return (
    <>
      {address.line1}
      {address.line2 ? `, ${address.line2}` : ""}, {address.city}, {address.region} {address.postalCode}
    </>
  );
}

/** Which of the therapists listed speak the patient's language; said when none does, too. */
function SpeakersLine({ language, patientLanguage, therapists }: { language: Language; patientLanguage: string; therapists: TherapistDto[] }) {
  const t = useTranslations("speakers");
  const spoken = languageName(patientLanguage, language);
  const speakers = speakersOf(therapists, patientLanguage);
  let text: string;
  if (speakers.length === 0) text = t("noneListed", { language: spoken });
  else if (speakers.length === therapists.length && therapists.length > 1) text = t("allListed", { language: spoken });
  else text = t("listed", { names: nameList(speakers, language), count: speakers.length, language: spoken });
  return <p className="text-slate-700">{text}</p>;
}

interface TherapistChoiceProps {
  language: Language;
  /** The patient's language (ISO 639-1), for the line on who speaks it. */
  patientLanguage: string;
  therapists: TherapistDto[];
  therapistId: string | null;
  update: (changes: Partial<BookingDraft>) => void;
}

function TherapistChoice({ language, patientLanguage, therapists, therapistId, update }: TherapistChoiceProps) {
  const t = useTranslations("book.place");
  return (
    <fieldset className="space-y-3">
      <legend className="mb-3 text-lg font-semibold text-slate-900">{t("therapistLegend")}</legend>
      <SpeakersLine language={language} patientLanguage={patientLanguage} therapists={therapists} />
      <RadioCard
        id="therapist-first-available"
        name="therapist"
        value={FIRST_AVAILABLE}
        checked={therapistId === null}
        onChange={() => update({ therapistId: null, slot: null })}
        label={t("firstAvailable")}
        hint={t("firstAvailableHint")}
      />
      {therapists.map((therapist) => (
        <RadioCard
          key={therapist.id}
          id={`therapist-${therapist.id}`}
          name="therapist"
          value={therapist.id}
          checked={therapistId === therapist.id}
          onChange={() => update({ therapistId: therapist.id, slot: null })}
          label={`${therapistFullName(therapist)}${therapist.credentials ? `, ${therapist.credentials}` : ""}`}
          hint={
            <>
              {therapist.photoUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- served by Stride's own image route, small by its upload cap
                <img src={therapist.photoUrl} alt={t("photoOf", { name: therapistFullName(therapist) })} width={64} height={64} className="mb-2 size-16 rounded-full object-cover" />
              ) : null}
              {therapist.languages.length > 0 ? <span className="block">{t("speaks", { languages: spokenLanguages(therapist, language) })}</span> : null}
              {therapist.bio[language] ? <span className="mt-1 block">{therapist.bio[language]}</span> : null}
            </>
          }
        />
      ))}
    </fieldset>
  );
}

/** A video visit has no travel: the patient chooses whom to see, and the search covers every location. */
function VideoPlaceStep(props: PlaceStepProps) {
  const { language, catalog, draft, update, serviceId } = props;
  const t = useTranslations("videoVisit.place");
  const therapists = videoTherapistsFor(catalog.locations, catalog.therapists, serviceId);
  // A therapist chosen earlier who no longer sees patients by video is not kept.
  const therapistId = therapists.some((therapist) => therapist.id === draft.therapistId) ? draft.therapistId : null;

  const submit = () => {
    // The alert above already says why there is nothing to continue to.
    if (therapists.length === 0) return;
    update({ locationId: null, therapistId });
    props.onNext();
  };

  return (
    <StepFrame step={3} title={t("title")} focusHeading={props.focusHeading} onSubmit={submit} onBack={props.onBack}>
      {therapists.length === 0 ? (
        <p role="alert" className="rounded-xl border border-amber-600 bg-amber-50 p-4 text-slate-900">
          {t("noTherapists")}
        </p>
      ) : (
        <>
          <p className="text-slate-700">{t("intro")}</p>
          <TherapistChoice language={language} patientLanguage={draft.patient.language} therapists={therapists} therapistId={therapistId} update={update} />
        </>
      )}
    </StepFrame>
  );
}

export function PlaceStep(props: PlaceStepProps) {
  if (props.mode === "VIDEO") return <VideoPlaceStep {...props} />;
  return <InPersonPlaceStep {...props} />;
}

function InPersonPlaceStep(props: PlaceStepProps) {
  const { language, catalog, draft, update, serviceId, mode } = props;
  const t = useTranslations("book.place");
  const [error, setError] = useState(false);

  const locations = locationsFor(catalog.locations, catalog.therapists, { serviceId, mode, postalCode: draft.postalCode });
  // A single choice is made for the patient; it is saved when they continue.
  const locationId = draft.locationId ?? (locations.length === 1 ? locations[0]!.id : null);
  const therapists = locationId ? therapistsFor(catalog.therapists, { serviceId, mode, locationId }) : [];

  const chooseLocation = (id: string) => {
    setError(false);
    const keepTherapist = draft.therapistId && therapistsFor(catalog.therapists, { serviceId, mode, locationId: id }).some((x) => x.id === draft.therapistId);
    update({ locationId: id, therapistId: keepTherapist ? draft.therapistId : null, slot: null });
  };

  const submit = () => {
    if (!locationId) {
      setError(true);
      document.getElementById(`location-${locations[0]?.id ?? ""}`)?.focus();
      return;
    }
    update({ locationId });
    props.onNext();
  };

  return (
    <StepFrame step={3} title={t("title")} focusHeading={props.focusHeading} onSubmit={submit} onBack={props.onBack}>
      {locations.length === 0 ? (
        <p role="alert" className="rounded-xl border border-amber-600 bg-amber-50 p-4 text-slate-900">
          {t("noLocations")}
        </p>
      ) : (
        <fieldset aria-describedby={error ? "location-error" : undefined} className="space-y-3">
          <legend className="mb-3 text-lg font-semibold text-slate-900">{mode === "HOME" ? t("homeLegend") : t("clinicLegend")}</legend>
          <FieldError id="location-error" message={error ? t("locationError") : undefined} />
          {locations.map((location) => (
            <RadioCard
              key={location.id}
              id={`location-${location.id}`}
              name="location"
              value={location.id}
              checked={location.id === locationId}
              onChange={() => chooseLocation(location.id)}
              label={location.name}
              hint={<LocationAddress location={location} />}
            />
          ))}
        </fieldset>
      )}

      {locationId && therapists.length > 0 ? (
        <TherapistChoice language={language} patientLanguage={draft.patient.language} therapists={therapists} therapistId={draft.therapistId} update={update} />
      ) : null}
    </StepFrame>
  );
}
