import type {
  AvailabilityDto,
  BookingCreatedDto,
  BookingDto,
  ErrorDto,
  LocationDto,
  PaymentRequiredDto,
  ReasonDto,
  ServiceDto,
  TherapistDto,
  VisitModeDto,
} from "@/lib/booking/api-types";
import type { BookingLookupAnswer, BookingLookupInput } from "@/lib/booking-lookup/schema";
import type { CreateBookingInput, RescheduleBookingInput } from "@/lib/booking/schema";

/** A failed call to the public API; status 0 means no answer at all (offline, server down). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorDto | null,
    /** From a 429's Retry-After header. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body?.error.message ?? (status === 0 ? "The server could not be reached." : `The server answered ${status}.`));
    this.name = "ApiError";
  }
}

function isErrorDto(value: unknown): value is ErrorDto {
  return typeof value === "object" && value !== null && "error" in value && typeof value.error === "object" && value.error !== null;
}

async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("Accept", "application/json");
  if (init.body) headers.set("Content-Type", "application/json");
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, cache: "no-store" });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after"));
    throw new ApiError(response.status, isErrorDto(body) ? body : null, retryAfter > 0 ? retryAfter : null);
  }
  return body as T;
}

// The list endpoints wrap their arrays in a named field, e.g. { services: [...] }.

export async function fetchReasons(signal?: AbortSignal) {
  return (await requestJson<{ reasons: ReasonDto[] }>("/api/reasons", { signal })).reasons;
}

export async function fetchServices(signal?: AbortSignal) {
  return (await requestJson<{ services: ServiceDto[] }>("/api/services", { signal })).services;
}

export async function fetchLocations(signal?: AbortSignal) {
  return (await requestJson<{ locations: LocationDto[] }>("/api/locations", { signal })).locations;
}

export async function fetchTherapists(signal?: AbortSignal) {
  return (await requestJson<{ therapists: TherapistDto[] }>("/api/therapists", { signal })).therapists;
}

export interface AvailabilityParams {
  serviceId: string;
  /** Omitted: every location (video visits, where the patient does not travel). */
  locationId?: string;
  mode: VisitModeDto;
  postalCode?: string;
  therapistId?: string;
  /** Local dates (YYYY-MM-DD) in the location's zone, inclusive. */
  from: string;
  to: string;
  /** The patient's language, so "first available" offers a therapist who speaks it when one is free at the same time. */
  language?: "en" | "es";
}

export function fetchAvailability(params: AvailabilityParams, signal?: AbortSignal) {
  const query = new URLSearchParams({
    service: params.serviceId,
    from: params.from,
    to: params.to,
    mode: params.mode,
  });
  if (params.locationId) query.set("location", params.locationId);
  if (params.therapistId) query.set("therapist", params.therapistId);
  if (params.postalCode) query.set("postalCode", params.postalCode);
  if (params.language) query.set("language", params.language);
  return requestJson<AvailabilityDto>(`/api/availability?${query}`, { signal });
}

/** Booked (201), or held while the patient pays at Stripe's checkout (202, PAYMENT_REQUIRED). */
export function createBooking(input: CreateBookingInput) {
  return requestJson<BookingCreatedDto | PaymentRequiredDto>("/api/bookings", { method: "POST", body: JSON.stringify(input) });
}

export function needsPayment(answer: BookingCreatedDto | PaymentRequiredDto): answer is PaymentRequiredDto {
  return "status" in answer && answer.status === "PAYMENT_REQUIRED";
}

function bookingPath(token: string) {
  return `/api/bookings/${encodeURIComponent(token)}`;
}

/** "Find my booking": the answer is the same whether or not the address is known. */
export function requestBookingLookup(input: BookingLookupInput) {
  return requestJson<BookingLookupAnswer>("/api/bookings/lookup", { method: "POST", body: JSON.stringify(input) });
}

export function fetchBooking(token: string, signal?: AbortSignal) {
  return requestJson<BookingDto>(bookingPath(token), { signal });
}

export function rescheduleBooking(token: string, input: RescheduleBookingInput) {
  return requestJson<BookingDto>(bookingPath(token), { method: "PATCH", body: JSON.stringify(input) });
}

export function cancelBooking(token: string, reason: string | undefined) {
  return requestJson<BookingDto>(bookingPath(token), { method: "DELETE", body: JSON.stringify({ reason }) });
}

/** The patient left the checkout: their held time is let go. The answer is the same for every link. */
export function releaseHeldTime(token: string) {
  return requestJson<{ released: true }>(`${bookingPath(token)}/release`, { method: "POST", body: "{}" });
}

export function calendarFilePath(token: string) {
  return `${bookingPath(token)}/ics`;
}
