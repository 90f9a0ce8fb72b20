"use client";

import { useTranslations } from "next-intl";
import { patientClock } from "@/lib/booking/zone-pair";
import type { Language } from "@/lib/i18n/languages";
import { usePatientTimeZone } from "./use-patient-time-zone";

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
  const t = useTranslations("videoVisit");
  const patientZone = usePatientTimeZone();
  if (!patientZone) return null;
  const clock = patientClock({ start, end }, clinicZone, patientZone, language);
  const patient = clock ? t("patientClock", { day: clock.day ?? "none", time: clock.time }) : "none";
  return <span className={className}>{t("patientTimeNote", { patient, patientZone })}</span>;
}
