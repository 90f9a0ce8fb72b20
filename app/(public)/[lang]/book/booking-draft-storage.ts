import type { BookingDraft } from "./booking-draft";

// The draft survives a reload or a switch of language (which loads the page
// anew) for as long as the tab is open. The consent tick is never restored:
// the patient gives it again. A successful booking clears the draft.

// v2: a draft's chosen time carries its change terms; a v1 draft lacks them.
const STORAGE_KEY = "stride.booking-draft.v2";

export interface StoredDraft {
  step: number;
  draft: BookingDraft;
}

function looksLikeDraft(value: unknown): value is StoredDraft {
  if (typeof value !== "object" || value === null) return false;
  const stored = value as Partial<StoredDraft>;
  return typeof stored.step === "number" && typeof stored.draft === "object" && stored.draft !== null && typeof stored.draft.patient === "object";
}

export function readStoredDraft(): StoredDraft | null {
  if (typeof window === "undefined") return null;
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? "null");
    return looksLikeDraft(parsed) ? { step: parsed.step, draft: { ...parsed.draft, consent: false } } : null;
  } catch {
    return null;
  }
}

export function storeDraft(step: number, draft: BookingDraft) {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ step, draft: { ...draft, consent: false } }));
  } catch {
    // Storage may be full or disabled (private mode); the wizard still works without it.
  }
}

export function clearStoredDraft() {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
