import { translator } from "../i18n/catalog";
import type { Language } from "../i18n/languages";

export interface DoseValues {
  sets: number;
  repetitionsMin: number;
  repetitionsMax: number;
  holdSecondsMin: number | null;
  holdSecondsMax: number | null;
  perSide: boolean;
}

const range = (min: number, max: number) => (min === max ? String(min) : `${min}–${max}`);

/** A dose as the patient reads it, e.g. "Hold 15–20 seconds, 2–3 times each side." */
export function doseText(dose: DoseValues, language: Language): string {
  return translator(language, "program")("dose", {
    hold: dose.holdSecondsMin === null || dose.holdSecondsMax === null ? "none" : range(dose.holdSecondsMin, dose.holdSecondsMax),
    reps: range(dose.repetitionsMin, dose.repetitionsMax),
    count: dose.repetitionsMax,
    side: dose.perSide ? "yes" : "no",
    sets: dose.sets,
  });
}
