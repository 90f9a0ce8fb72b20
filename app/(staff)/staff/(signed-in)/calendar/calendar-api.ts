// The calendar's calls to the staff API, with the server's error message kept
// so the screen can say why a change was refused.
import type { ErrorDto, SlotDto } from "@/lib/booking/api-types";
import type { CalendarDto } from "@/lib/calendar/schema";

export class CalendarRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly alternatives: SlotDto[] = [],
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

async function send<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: "no-store", ...init, headers: { "content-type": "application/json" } });
  const body = (await response.json().catch(() => null)) as (T & Partial<ErrorDto>) | null;
  if (!response.ok || !body) {
    const error = body?.error;
    throw new CalendarRequestError(error?.message ?? "The server did not answer. Nothing was changed.", response.status, error?.code ?? "INTERNAL", body?.alternatives ?? [], error?.fields ?? {});
  }
  return body;
}

export interface CalendarKey {
  location: string;
  date: string;
  view: "day" | "week";
}

/**
 * The board through the browser's HTTP cache: "no-cache" revalidates every
 * poll with the stored ETag, an unchanged board comes back as a 304 that the
 * browser answers from its copy (the same JSON, so the query's structural
 * sharing keeps every card as it was), and a changed one as a fresh 200.
 */
export function fetchCalendar(key: CalendarKey): Promise<CalendarDto> {
  const query = new URLSearchParams({ location: key.location, date: key.date, view: key.view });
  return send<CalendarDto>(`/api/staff/calendar?${query}`, { cache: "no-cache" });
}

export function moveAppointment(id: string, body: { start: string; therapistId: string; expectedUpdatedAt: string }) {
  return send<{ id: string; updatedAt: string }>(`/api/staff/appointments/${id}`, { method: "PATCH", body: JSON.stringify(body) });
}

export function changeStatus(id: string, body: { action: "check-in" | "complete" | "no-show" | "cancel"; reason?: string; expectedUpdatedAt: string }) {
  return send<{ id: string; status: string; updatedAt: string }>(`/api/staff/appointments/${id}/status`, { method: "POST", body: JSON.stringify(body) });
}

export interface BookCallerBody {
  serviceId: string;
  locationId: string;
  therapistId: string;
  mode: "CLINIC" | "HOME";
  start: string;
  patientId?: string;
  newPatient?: { firstName: string; lastName: string; email: string; phone: string; dateOfBirth: string };
  reason?: string;
}

export function bookCaller(body: BookCallerBody) {
  return send<{ id: string }>(`/api/staff/appointments`, { method: "POST", body: JSON.stringify(body) });
}

export interface PatientMatch {
  id: string;
  name: string;
  dateOfBirth: string;
  phone: string;
}

export function searchPatients(q: string) {
  return send<{ patients: PatientMatch[] }>(`/api/staff/patients/search?${new URLSearchParams({ q })}`);
}
