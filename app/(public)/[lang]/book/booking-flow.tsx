"use client";

import { useSearchParams } from "next/navigation";
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Language } from "@/lib/i18n/languages";
import type { WizardData } from "./booking-wizard";
import { OTHER_REASON } from "./booking-draft";
import { readStoredDraft } from "./booking-draft-storage";
import { fillReasonForm, readReasonForm, ReasonForm, type ReasonChoice, type ReasonFormWords } from "./reason-form";
import { ownHistoryState, stepFromName, stepHref, toStep, type StepHistoryState } from "./step-names";

// The later steps (with the translation runtime, the query cache, the date
// library and the details form's schema) are one chunk that starts loading
// when the patient first touches the first question, or at once when the page
// opens on a later step.
const loadWizard = () => import("./booking-wizard");
const BookingWizard = lazy(() => loadWizard().then((m) => ({ default: m.BookingWizard })));

let wizardRequested = false;
function prefetchWizard() {
  if (wizardRequested) return;
  wizardRequested = true;
  void loadWizard().catch(() => (wizardRequested = false));
}

const neverChanges = () => () => {};

interface BookingFlowProps {
  language: Language;
  reasons: { slug: string; label: string }[];
  words: ReasonFormWords & { loading: string };
  /** The first question's answer when the page was opened by submitting it before the script had loaded. */
  submittedReason: ReasonChoice | null;
  wizard: WizardData;
}

/** The booking page's client part: the first question, then the later steps, each a history entry. */
export function BookingFlow({ language, reasons, words, submittedReason, wizard }: BookingFlowProps) {
  const stepParam = useSearchParams().get("step");
  const onFirstStep = stepFromName(stepParam) === 1;
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useSyncExternalStore(neverChanges, () => true, () => false);
  const [reason, setReason] = useState<ReasonChoice>(submittedReason ?? { choice: null, other: "" });
  const [wizardShown, setWizardShown] = useState(!onFirstStep);
  const [hasMoved, setHasMoved] = useState(false);
  const [lastFirst, setLastFirst] = useState(onFirstStep);
  const resumed = useRef(false);

  if (onFirstStep !== lastFirst) {
    setLastFirst(onFirstStep);
    setHasMoved(true);
    if (!onFirstStep) setWizardShown(true);
  }

  // Once the script runs: a reason submitted before it came is dropped from the
  // address (the step stays); otherwise the draft kept in this tab is put back
  // into the form, and a page opened without a step (e.g. after switching
  // language) resumes where the patient was.
  useEffect(() => {
    if (!hydrated || resumed.current) return;
    resumed.current = true;
    const url = new URL(window.location.href);
    if (url.searchParams.has("reason") || url.searchParams.has("other")) {
      url.searchParams.delete("reason");
      url.searchParams.delete("other");
      window.history.replaceState(ownHistoryState(), "", url.pathname + url.search);
    }
    if (submittedReason) return;
    const stored = readStoredDraft();
    if (!stored) return;
    const restored = { choice: stored.draft.reasonChoice, other: stored.draft.otherReason };
    const form = formRef.current;
    // A choice the patient made before the script loaded wins over the stored one.
    if (form && !readReasonForm(form).choice) fillReasonForm(form, restored);
    setReason(form ? readReasonForm(form) : restored);
    const storedStep = toStep(stored.step);
    if (stepParam === null && storedStep !== 1) {
      setWizardShown(true);
      window.history.replaceState(null, "", stepHref(storedStep));
    }
  }, [hydrated, submittedReason, stepParam]);

  // Leaving the first question by the browser's Forward rather than its
  // button still carries what the form now holds, when it is a whole answer.
  useEffect(() => {
    const form = formRef.current;
    if (onFirstStep || !form) return;
    const current = readReasonForm(form);
    if (current.choice && (current.choice !== OTHER_REASON || current.other.trim())) setReason(current);
  }, [onFirstStep]);

  const next = (answer: ReasonChoice) => {
    setReason(answer);
    setWizardShown(true);
    window.history.pushState({ bookingStepFrom: 1 } satisfies StepHistoryState, "", stepHref(2));
  };

  return (
    <>
      <ReasonForm
        language={language}
        reasons={reasons}
        words={words}
        initial={submittedReason ?? { choice: null, other: "" }}
        hidden={!onFirstStep}
        focusHeading={hasMoved}
        formRef={formRef}
        onInteract={prefetchWizard}
        onValid={next}
      />
      {wizardShown ? (
        <Suspense
          fallback={
            onFirstStep ? null : (
              <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
                <p role="status" className="text-slate-700">
                  {words.loading}
                </p>
              </div>
            )
          }
        >
          <BookingWizard language={language} reason={reason} focusFirstStep={hasMoved} data={wizard} />
        </Suspense>
      ) : null}
    </>
  );
}
