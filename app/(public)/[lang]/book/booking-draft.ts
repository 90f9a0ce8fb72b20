import type { ServiceDto, SlotDto, VisitModeDto } from "@/lib/booking/api-types";
import type { Language } from "@/lib/i18n/languages";

/** The kinds of visit offered for a service, in the wizard's order: clinic, home, video. */
const modeOrder: VisitModeDto[] = ["CLINIC", "HOME", "VIDEO"];

export function onlineModes(service: ServiceDto): VisitModeDto[] {
  return modeOrder.filter((mode) => service.visitModes.includes(mode));
}

/** The radio value of "Something else"; reason slugs come from the API and never start with "_". */
export const OTHER_REASON = "_other";

export interface PatientDraft {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: string;
  line1: string;
  line2: string;
  city: string;
  language: Language;
}

/** Everything the patient has chosen or typed so far; kept whole across steps. */
export interface BookingDraft {
  reasonChoice: string | null;
  otherReason: string;
  serviceId: string | null;
  mode: VisitModeDto | null;
  postalCode: string;
  /** Chosen for clinic and home visits; a video visit takes its location from the chosen slot. */
  locationId: string | null;
  /** null: the first available therapist. */
  therapistId: string | null;
  /** The first local date of the week shown on the time step. */
  weekStart: string | null;
  slot: SlotDto | null;
  patient: PatientDraft;
  consent: boolean;
}

export function emptyDraft(language: Language): BookingDraft {
  return {
    reasonChoice: null,
    otherReason: "",
    serviceId: null,
    mode: null,
    postalCode: "",
    locationId: null,
    therapistId: null,
    weekStart: null,
    slot: null,
    patient: { firstName: "", lastName: "", email: "", phone: "", dateOfBirth: "", line1: "", line2: "", city: "", language },
    consent: false,
  };
}
