// The shapes the public REST API answers with. The booking pages read the API
// through these types, and the OpenAPI document describes the same.

import type { z } from "zod";
import type { languageSchema, visitModeSchema } from "./schema";

export type VisitModeDto = z.infer<typeof visitModeSchema>;
export type LanguageDto = z.infer<typeof languageSchema>;
export interface Localized {
  en: string;
  es: string;
}

export interface ServiceDto {
  id: string;
  slug: string;
  name: Localized;
  description: Localized;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  visitModes: VisitModeDto[];
  newPatientsOnly: boolean;
  cancelCutoffMinutes: number;
}

export interface LocationDto {
  id: string;
  slug: string;
  name: string;
  address: { line1: string; line2: string | null; city: string; region: string; postalCode: string; country: string };
  phone: string | null;
  timeZone: string;
  /** Postal codes where home visits are offered from this location. */
  homePostalCodes: string[];
}

export interface TherapistDto {
  id: string;
  slug: string;
  firstName: string;
  lastName: string;
  credentials: string;
  bio: Localized;
  /** Where the therapist's portrait is served (/api/images/…); null when there is none. */
  photoUrl: string | null;
  languages: string[];
  visitModes: VisitModeDto[];
  locationIds: string[];
  serviceIds: string[];
}

export interface ReasonDto {
  slug: string;
  label: Localized;
}

export interface SlotDto {
  /** ISO 8601 with the location's offset, e.g. 2026-11-23T09:00:00-06:00. */
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
  /** The last instant the visit could be changed or cancelled online once booked (start minus the service's cut-off), with the location's offset. */
  changeableOnlineUntil: string;
  /** False when, at the time of the answer, that instant has already passed: booked now, the visit could not be changed online at all. */
  changeableOnline: boolean;
}

export interface AvailabilityDto {
  timeZone: string;
  slots: SlotDto[];
}

export interface BookingCreatedDto {
  id: string;
  start: string;
  end: string;
  therapistId: string;
  /** Absolute URL of the patient's private manage page. */
  manageUrl: string;
  /** The raw manage token (also the last path segment of manageUrl). */
  manageToken: string;
  /** For video visits, the patient's link into the video room; otherwise null. */
  joinUrl: string | null;
}

export interface BookingDto {
  id: string;
  status: "BOOKED" | "CHECKED_IN" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
  start: string;
  end: string;
  timeZone: string;
  mode: VisitModeDto;
  language: LanguageDto;
  reason: string | null;
  service: { id: string; slug: string; name: Localized; durationMinutes: number; priceCents: number; currency: string; cancelCutoffMinutes: number };
  therapist: { id: string; firstName: string; lastName: string; credentials: string };
  location: LocationDto;
  patient: { firstName: string; lastName: string };
  visitAddress: { line1: string; line2: string | null; city: string | null; postalCode: string } | null;
  /** Whether the patient may still reschedule or cancel online. */
  canChange: boolean;
  /** The last instant an online change is accepted. */
  changeDeadline: string;
  cancellationReason: string | null;
  manageUrl: string;
  /** For video visits, the patient's link into the video room; otherwise null. */
  joinUrl: string | null;
}

export type ErrorCode =
  | "BAD_REQUEST"
  | "VALIDATION_FAILED"
  | "NOT_FOUND"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "SLOT_TAKEN"
  | "SLOT_UNAVAILABLE"
  | "PATIENT_BUSY"
  | "OUTSIDE_AREA"
  | "NOT_ELIGIBLE"
  | "FORM_ALREADY_USED"
  | "TOO_LATE_TO_CHANGE"
  | "ALREADY_CANCELLED"
  | "STALE"
  | "INVALID_TRANSITION"
  | "RATE_LIMITED"
  | "ROOM_NOT_OPEN"
  | "ROOM_IN_USE"
  | "FORBIDDEN"
  | "UNAUTHORIZED"
  | "INTERNAL";

export interface ErrorDto {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
  /** With SLOT_TAKEN, SLOT_UNAVAILABLE and PATIENT_BUSY: the nearest free times. */
  alternatives?: SlotDto[];
}
