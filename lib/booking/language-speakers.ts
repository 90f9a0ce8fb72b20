import type { SlotDto } from "../scheduling/slot-dto";
import type { TherapistDto } from "./api-types";

// What the booking pages say about the patient's language is read from the
// therapists' own languages and, on the time step, from the therapist each
// open time is with: a statement the patient can rely on, never a guess.

type Speaker = Pick<TherapistDto, "id" | "languages">;

/** The therapists, in the order given, who speak `language` (an ISO 639-1 code). */
export function speakersOf<T extends Speaker>(therapists: readonly T[], language: string): T[] {
  return therapists.filter((therapist) => therapist.languages.includes(language));
}

export interface DaySpeakers<T extends Speaker> {
  /** Therapists with at least one of the day's times who speak the language, in the order of their first time. */
  speakers: T[];
  /** How many of the day's times are with one of them. */
  speakerTimes: number;
  times: number;
}

/** Which of a day's open times are with a therapist who speaks the patient's language. */
export function daySpeakers<T extends Speaker>(slots: readonly SlotDto[], therapists: readonly T[], language: string): DaySpeakers<T> {
  const byId = new Map(therapists.map((therapist) => [therapist.id, therapist]));
  const speakers: T[] = [];
  let speakerTimes = 0;
  for (const slot of slots) {
    const therapist = byId.get(slot.therapistId);
    if (!therapist || !therapist.languages.includes(language)) continue;
    speakerTimes++;
    if (!speakers.includes(therapist)) speakers.push(therapist);
  }
  return { speakers, speakerTimes, times: slots.length };
}
