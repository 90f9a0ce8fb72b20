"use client";

import { useTranslations } from "next-intl";
import type { SlotDto, TherapistDto } from "@/lib/booking/api-types";
import { daySpeakers } from "@/lib/booking/language-speakers";
import type { Language } from "@/lib/i18n/languages";
import { languageName, nameList } from "./speaker-names";

interface DaySpeakersNoteProps {
  language: Language;
  /** The patient's language (ISO 639-1). */
  patientLanguage: string;
  therapists: TherapistDto[];
  /** The times of the day shown, each with the therapist it would be booked with. */
  slots: SlotDto[];
}

/** Which therapists with times on the day shown speak the patient's language, and with how many of its times. */
export function DaySpeakersNote({ language, patientLanguage, therapists, slots }: DaySpeakersNoteProps) {
  const t = useTranslations("speakers");
  const spoken = languageName(patientLanguage, language);
  const { speakers, speakerTimes, times } = daySpeakers(slots, therapists, patientLanguage);
  const text =
    speakers.length === 0
      ? t("noneDay", { language: spoken })
      : t("day", {
          names: nameList(speakers, language),
          count: speakers.length,
          language: spoken,
          share: speakerTimes === times ? "all" : "some",
          times: speakerTimes,
          total: times,
        });
  return <p className="text-sm text-slate-700">{text}</p>;
}
