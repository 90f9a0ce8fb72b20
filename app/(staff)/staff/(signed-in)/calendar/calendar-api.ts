// The calendar's calls to the staff API, with the server's error message kept
// so the screen can say why a change was refused.
import type { ErrorDto, SlotDto } from "@/lib/booking/api-types";
import type { CalendarDto, CalendarVisitDto } from "@/lib/calendar/schema";

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
  return readBody<T>(await fetch(url, { ...init, headers: { "content-type": "application/json" }, cache: "no-store" }));
}

async function readBody<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as (T & Partial<ErrorDto>) | null;
  if (!response.ok || !body) {
    const error = body?.error;
    throw new CalendarRequestError(error?.message ?? "", response.status, error?.code ?? "INTERNAL", body?.alternatives ?? [], error?.fields ?? {});
  }
  return body;
}

export interface CalendarKey {
  location: string;
  date: string;
  view: "day" | "week";
}

// The last board the server sent for each URL, with its ETag. A poll sends
// the tag, and a 304 (nothing on the board changed) hands back that same
// board object, so the query keeps every card as it was. This is done here
// rather than left to the browser's HTTP cache so that every poll asks the
// server, whatever the cache does with overlapping requests for one URL.
const lastBoards = new Map<string, { etag: string; board: CalendarDto }>();
/** A desk paging through weeks keeps only the boards it may come back to. */
const BOARDS_KEPT = 12;

export async function fetchCalendar(key: CalendarKey): Promise<CalendarDto> {
  const url = `/api/staff/calendar?${new URLSearchParams({ location: key.location, date: key.date, view: key.view })}`;
  const last = lastBoards.get(url);
  const response = await fetch(url, { cache: "no-store", headers: last ? { "if-none-match": last.etag } : {} });
  if (response.status === 304 && last) return last.board;
  const board = await readBody<CalendarDto>(response);
  const etag = response.headers.get("etag");
  lastBoards.delete(url);
  if (etag) lastBoards.set(url, { etag, board });
  if (lastBoards.size > BOARDS_KEPT) lastBoards.delete(lastBoards.keys().next().value!);
  return board;
}

/** What the visit's panel shows beyond the card; each read is audited, so it is read when the panel opens. */
export async function fetchCalendarVisit(id: string): Promise<CalendarVisitDto> {
  return readBody<CalendarVisitDto>(await fetch(`/api/staff/calendar/visits/${id}`, { cache: "no-store" }));
}

export function moveAppointment(id: string, body: { start: string; therapistId: string; expectedUpdatedAt: string }) {
  return send<{ id: string; updatedAt: string }>(`/api/staff/appointments/${id}`, { method: "PATCH", body: JSON.stringify(body) });
}

export type StatusAction = "check-in" | "complete" | "no-show" | "cancel" | "undo-check-in" | "undo-no-show";

/** Status actions as message selectors (ICU select keys are plain words). */
export const ACTION_KEY = {
  "check-in": "checkIn",
  complete: "complete",
  "no-show": "noShow",
  cancel: "cancel",
  "undo-check-in": "undoCheckIn",
  "undo-no-show": "undoNoShow",
} as const satisfies Record<StatusAction, string>;

export function changeStatus(id: string, body: { action: StatusAction; reason?: string; expectedUpdatedAt: string }) {
  return send<{ id: string; status: string; updatedAt: string }>(`/api/staff/appointments/${id}/status`, { method: "POST", body: JSON.stringify(body) });
}

export type VisitMode = "CLINIC" | "HOME" | "VIDEO";

export interface HomeAddressBody {
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
}

export interface BookCallerBody {
  serviceId: string;
  locationId: string;
  /** Omitted: the first available therapist, preferring one who speaks the patient's language. */
  therapistId?: string;
  mode: VisitMode;
  start: string;
  patientId?: string;
  newPatient?: { firstName: string; lastName: string; email: string; phone: string; dateOfBirth: string; address?: HomeAddressBody };
  visitAddress?: HomeAddressBody;
  reason?: string;
  language?: "en" | "es";
  /** The plan of care the visit is the next one of. */
  carePlanId?: string;
}

/** The patient's private links come back once, to be passed on; the server keeps only their hashes. */
export interface BookedDto {
  id: string;
  manageUrl: string;
  joinUrl: string | null;
}

export function bookCaller(body: BookCallerBody) {
  return send<BookedDto>(`/api/staff/appointments`, { method: "POST", body: JSON.stringify(body) });
}

export interface PatientMatch {
  id: string;
  name: string;
  dateOfBirth: string;
  phone: string;
}

// POST, so what the desk types (names, phones, birth dates) stays out of URLs and logs.
export function searchPatients(q: string) {
  return send<{ patients: PatientMatch[] }>("/api/staff/patients/search", { method: "POST", body: JSON.stringify({ q }) });
}
