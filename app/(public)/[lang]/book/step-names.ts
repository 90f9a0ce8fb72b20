// Each step is a history entry: /en/book is the first step, the others say
// their name, e.g. /en/book?step=time, so the browser's Back and Forward move
// between steps and a reload stays on the step. An unknown name means step 1.

export type Step = 1 | 2 | 3 | 4 | 5;

export const TOTAL_STEPS = 5;

export const STEP_NAMES = { 1: "reason", 2: "kind", 3: "place", 4: "time", 5: "details" } as const satisfies Record<Step, string>;

export function stepFromName(name: string | null | undefined): Step {
  const found = Object.entries(STEP_NAMES).find(([, value]) => value === name);
  return found ? toStep(Number(found[0])) : 1;
}

export function toStep(value: number | undefined): Step {
  return value === 2 || value === 3 || value === 4 || value === 5 ? value : 1;
}

export function stepHref(step: Step): string {
  return step === 1 ? window.location.pathname : `${window.location.pathname}?step=${STEP_NAMES[step]}`;
}

/** Marks a history entry the booking pushed, with the step it was pushed from, so "Back" in the form can go back in history. */
export interface StepHistoryState {
  bookingStepFrom?: Step;
}

/**
 * The booking's own part of the current history entry, to replace the entry
 * with. Not the whole of history.state: Next.js's router ignores a
 * replaceState that carries its own markers, so useSearchParams would not see
 * the new address.
 */
export function ownHistoryState(): StepHistoryState {
  const from = (window.history.state as StepHistoryState | null)?.bookingStepFrom;
  return from === undefined ? {} : { bookingStepFrom: from };
}
