"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { NextIntlClientProvider, useTranslations, type AbstractIntlMessages } from "next-intl";
import { useSearchParams } from "next/navigation";
import { lazy, Suspense, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { therapistNameLookup } from "@/components/booking/therapist-name";
import { useCatalog, type Catalog } from "@/components/booking/use-catalog";
import { QueryProvider } from "@/components/query-provider";
import { videoSearchZone } from "@/lib/booking/video-therapists";
import type { Language } from "@/lib/i18n/languages";
import { emptyDraft, OTHER_REASON, type BookingDraft } from "./booking-draft";
import { readStoredDraft, storeDraft, type StoredDraft } from "./booking-draft-storage";
import { secondaryButton } from "./button-styles";
import { rememberPackageCode } from "./package-code";
import type { ReasonChoice } from "./reason-form";
import { ownHistoryState, stepFromName, stepHref, type Step, type StepHistoryState } from "./step-names";

// Steps 2 to 5, loaded once the patient starts answering the first question
// (booking-flow.tsx). Each step's own code loads when it is first shown, so a
// slow phone fetches the date library and the details form's schema only when
// they are needed.
const laterSteps = {
  kind: () => import("./visit-kind-step"),
  place: () => import("./place-step"),
  time: () => import("./time-step"),
  details: () => import("./details-step"),
};
const VisitKindStep = lazy(() => laterSteps.kind().then((m) => ({ default: m.VisitKindStep })));
const PlaceStep = lazy(() => laterSteps.place().then((m) => ({ default: m.PlaceStep })));
const TimeStep = lazy(() => laterSteps.time().then((m) => ({ default: m.TimeStep })));
const DetailsStep = lazy(() => laterSteps.details().then((m) => ({ default: m.DetailsStep })));

let laterStepsRequested = false;
function loadLaterSteps() {
  if (laterStepsRequested) return;
  laterStepsRequested = true;
  for (const load of Object.values(laterSteps)) void load().catch(() => (laterStepsRequested = false));
}

/** What the server hands the later steps: their words in the page's language, and the practice's catalogue. */
export interface WizardData {
  messages: AbstractIntlMessages;
  catalog: DehydratedState;
  /** The package code the patient's link brought, if any. */
  packageCode?: string;
}

function LoadingStep({ label }: { label: string }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <p role="status" className="text-slate-700">
        {label}
      </p>
    </div>
  );
}

function reasonText(draft: BookingDraft, catalog: Catalog, language: Language): string | undefined {
  if (draft.reasonChoice === OTHER_REASON) return draft.otherReason.trim() || undefined;
  return catalog.reasons.find((reason) => reason.slug === draft.reasonChoice)?.label[language];
}

/** The chosen reason's slug, when it is one of the practice's (it picks the intake form). */
function reasonSlug(draft: BookingDraft, catalog: Catalog): string | undefined {
  return catalog.reasons.find((reason) => reason.slug === draft.reasonChoice)?.slug;
}

const neverChanges = () => () => {};

interface BookingWizardProps {
  language: Language;
  /** The first question's answer, which the first step's form holds. */
  reason: ReasonChoice;
  /** The patient moved here from another step: the step shown first takes focus. */
  focusFirstStep: boolean;
  data: WizardData;
}

export function BookingWizard({ data, ...props }: BookingWizardProps) {
  useEffect(() => rememberPackageCode(data.packageCode), [data.packageCode]);
  return (
    <NextIntlClientProvider locale={props.language} messages={data.messages}>
      <QueryProvider>
        <HydrationBoundary state={data.catalog}>
          <LaterSteps {...props} />
        </HydrationBoundary>
      </QueryProvider>
    </NextIntlClientProvider>
  );
}

/** Everything after the first question in one client component, so nothing typed is lost between steps. */
function LaterSteps({ language, reason, focusFirstStep }: Omit<BookingWizardProps, "data">) {
  const t = useTranslations("book");
  const catalog = useCatalog();
  // The step is the URL's: the browser's Back and Forward change it.
  const requested = stepFromName(useSearchParams().get("step"));
  // The server has no sessionStorage: both it and the hydrating render in the
  // browser start from an empty draft, and the stored one is read once
  // hydration is done (undefined until then), so the two renders match.
  const hydrated = useSyncExternalStore(neverChanges, () => true, () => false);
  const [stored, setStored] = useState<StoredDraft | null | undefined>(undefined);
  const [choices, setDraft] = useState<BookingDraft>(() => emptyDraft(language));
  if (hydrated && stored === undefined) {
    const found = readStoredDraft();
    setStored(found);
    if (found) setDraft(found.draft);
  }
  const restored = stored !== undefined;
  // The first question's answer lives in its form; the rest of the draft here.
  const draft = useMemo<BookingDraft>(() => ({ ...choices, reasonChoice: reason.choice, otherReason: reason.other }), [choices, reason]);
  const [lastShown, setLastShown] = useState<Step | null>(null);
  const [hasMoved, setHasMoved] = useState(false);
  const idempotencyKey = useRef<string | null>(null);

  const data = catalog.data;
  const service = data?.services.find((candidate) => candidate.id === draft.serviceId);
  const { mode, slot } = draft;
  // A video visit has no location to choose: it takes the location of the time the patient picks.
  const video = mode === "VIDEO";
  const location = data?.locations.find((candidate) => candidate.id === (video ? slot?.locationId : draft.locationId));
  // A step is shown only when every earlier choice is made, falling back to the first missing one.
  const shown: Step =
    requested === 1 || !draft.reasonChoice
      ? 1
      : requested === 2 || !service || !mode
        ? 2
        : requested === 3 || (!video && !location)
          ? 3
          : requested === 4 || !slot || !location
            ? 4
            : 5;
  // A step waits for the stored draft, so it opens with what the patient typed before a reload.
  const ready = !!data && restored;

  // Every step after the first one shown takes focus to its heading, so screen
  // readers announce it, whether the patient moved with the form's buttons or
  // the browser's Back and Forward.
  if (ready && shown !== lastShown) {
    setLastShown(shown);
    if (lastShown !== null) setHasMoved(true);
  }

  // The steps still to come load while the patient answers this one.
  useEffect(loadLaterSteps, []);

  useEffect(() => {
    if (!restored || !data) return;
    storeDraft(shown, draft);
    // The address says the step shown, also when a missing choice sent the patient back to it.
    if (shown !== requested) window.history.replaceState(ownHistoryState(), "", stepHref(shown));
  }, [restored, data, shown, requested, draft]);

  // The first question is the flow's own form (booking-flow.tsx).
  if (requested === 1) return null;
  if (!data || !ready) {
    return (
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        {catalog.isError ? (
          <div role="alert" className="space-y-4">
            <p className="font-semibold text-red-800">{t("loadError")}</p>
            <button type="button" className={secondaryButton} onClick={catalog.retry}>
              {t("retry")}
            </button>
          </div>
        ) : (
          <p role="status" className="text-slate-700">
            {t("loading")}
          </p>
        )}
      </div>
    );
  }

  const update = (changes: Partial<BookingDraft>) => {
    loadLaterSteps();
    setDraft((current) => ({ ...current, ...changes }));
  };
  const goTo = (next: Step) => {
    window.history.pushState({ bookingStepFrom: shown } satisfies StepHistoryState, "", stepHref(next));
  };
  // "Back" in the form is the browser's Back when the previous entry is that step, so history does not grow a loop.
  const goBack = (previous: Step) => {
    if ((window.history.state as StepHistoryState | null)?.bookingStepFrom === previous) window.history.back();
    else goTo(previous);
  };
  const common = { language, draft, update, focusHeading: hasMoved || focusFirstStep };

  const later = (content: ReactNode) => <Suspense fallback={<LoadingStep label={t("loading")} />}>{content}</Suspense>;

  if (shown === 1) return null;
  if (shown === 2 || !service || !mode) {
    return later(<VisitKindStep key="kind" {...common} catalog={data} onBack={() => goBack(1)} onNext={() => goTo(3)} />);
  }
  if (shown === 3 || (!video && !location)) {
    return later(
      <PlaceStep key="place" {...common} catalog={data} serviceId={service.id} mode={mode} onBack={() => goBack(2)} onNext={() => goTo(4)} />,
    );
  }
  if (shown === 4 || !slot || !location) {
    const searchZone =
      !video && location
        ? location.timeZone
        : videoSearchZone(data.locations, data.therapists, { serviceId: service.id, therapistId: draft.therapistId });
    return later(
      <TimeStep
        key="time"
        {...common}
        catalog={data}
        serviceId={service.id}
        mode={mode}
        locationId={video ? undefined : location?.id}
        timeZone={searchZone}
        onBack={() => goBack(3)}
        onNext={() => goTo(5)}
      />,
    );
  }
  return later(
    <DetailsStep
      key="details"
      {...common}
      service={service}
      mode={mode}
      location={location}
      slot={slot}
      reason={reasonText(draft, data, language)}
      reasonSlug={reasonSlug(draft, data)}
      therapistName={therapistNameLookup(data.therapists)}
      idempotencyKey={() => (idempotencyKey.current ??= crypto.randomUUID())}
      onBack={() => goBack(4)}
      onPickAnotherTime={() => goTo(4)}
    />,
  );
}
