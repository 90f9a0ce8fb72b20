"use client";

import { patientClock } from "@/lib/booking/zone-pair";
import type { Language } from "@/lib/i18n/languages";
import { usePatientTimeZone } from "./use-patient-time-zone";
import { getVideoVisitText } from "./video-visit-text";

interface PatientTimeNoteProps {
  start: string;
  end: string;
  /** The zone the page already shows the time in (the location's). */
  clinicZone: string;
  language: Language;
  className?: string;
}

/** For a video visit: the same time on the patient's own clock, or that it is their zone too. Nothing until mounted. */
export function PatientTimeNote({ start, end, clinicZone, language, className }: PatientTimeNoteProps) {
  const patientZone = usePatientTimeZone();
  if (!patientZone) return null;
  const clock = patientClock({ start, end }, clinicZone, patientZone, language);
  return <span className={className}>{getVideoVisitText(language).patientTimeNote(clock, patientZone)}</span>;
}
