// The shapes the public REST API answers with. The booking pages read the API
// through these types, and the OpenAPI document describes the same. The error
// body and a slot are defined with the error type and the slot engine, below
// this layer, and named here too for the API's readers.

import type { z } from "zod";
import type { SlotDto } from "../scheduling/slot-dto";
export type { ErrorCode, ErrorDto } from "../errors/error-dto";
export type { SlotDto };
import type { languageSchema, visitModeSchema } from "./schema";
import type { PaymentTerms } from "../payments/payment-terms";

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
  /** The payment rule, what the patient is asked for online when booking, and the practice's fees for its visits. */
  payment: PaymentTermsDto;
}

/** How a visit is paid for and what a late cancellation or a missed visit costs (lib/payments/payment-terms.ts). */
export type PaymentTermsDto = PaymentTerms;

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

/**
 * The answer (202) when the service asks for a payment or a card online: the
 * time is held until `holdExpiresAt` and the patient finishes at Stripe's
 * checkout. The manage link opens the visit once the payment has booked it.
 */
export interface PaymentRequiredDto {
  status: "PAYMENT_REQUIRED";
  /** The held time's id: the visit's id once it is booked. */
  id: string;
  start: string;
  end: string;
  therapistId: string;
  /** Stripe's hosted checkout page, where the patient pays or saves a card. */
  checkoutUrl: string;
  /** When the time stops being kept (ISO 8601 with the location's offset). */
  holdExpiresAt: string;
  /** What is asked: the full price, a deposit, or a card saved for the practice's fees. */
  payment: { kind: "full" | "deposit"; amountCents: number; currency: string } | { kind: "card" };
  manageUrl: string;
  manageToken: string;
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
  service: {
    id: string;
    slug: string;
    name: Localized;
    durationMinutes: number;
    priceCents: number;
    currency: string;
    cancelCutoffMinutes: number;
    /** Added where the booking is served or sent (lib/booking/payment-terms-data.ts); absent, the words say to pay where the visit happens. */
    payment?: PaymentTermsDto;
  };
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
  /** What was paid online and what a cancellation gives back (lib/booking/booking-money-data.ts); absent when nothing was paid and no card is saved. */
  money?: BookingMoneyDto;
}

/** The patient's view of their booking's money, in its currency's smallest unit. */
export interface BookingMoneyDto {
  currency: string;
  paidCents: number;
  refundedCents: number;
  /** Whether a card is saved for the visit's fees. */
  cardOnFile: boolean;
  /** Before the visit is cancelled: what cancelling now would give back and keep, and any fee beyond what was paid. */
  ifCancelledNow: { refundCents: number; keptCents: number; feeCents: number; chargeCents: number; late: boolean } | null;
  /** After the patient cancelled: what the policy gave back and kept at that instant. */
  cancelled: { refundCents: number; keptCents: number } | null;
}

