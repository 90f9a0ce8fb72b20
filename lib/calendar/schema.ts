import { z } from "zod";
import { isInClinicYears, OUT_OF_RANGE_MESSAGE } from "../scheduling/date-bounds";

export const calendarQuerySchema = z.object({
  location: z.uuid({ error: "Choose a location." }),
  date: z
    .string({ error: "Use a date as YYYY-MM-DD." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, "That is not a real date.")
    .refine(isInClinicYears, OUT_OF_RANGE_MESSAGE),
  view: z.enum(["day", "week"]).default("day"),
});
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

/**
 * A visit as its card on the board shows it, and no more: the desk polls the
 * board and a week holds hundreds of visits, so what only the visit's panel
 * shows (the patient's phone and record, how it was booked, a follow-up) is
 * read when the panel opens (CalendarVisitDto). Flags that are rarely set are
 * left out when false.
 */
export interface CalendarAppointmentDto {
  id: string;
  therapistId: string;
  /** ISO 8601 with the location's offset; the wall-clock time is the text before the offset. */
  start: string;
  end: string;
  status: "BOOKED" | "CHECKED_IN" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
  mode: "CLINIC" | "HOME" | "VIDEO";
  /** Named in CalendarDto.serviceNames. */
  serviceId: string;
  patientName: string;
  room: string | null;
  /** At another location than the one shown. */
  elsewhere?: true;
  /** The patient said they will come (a reminder's link); cleared when the visit moves. */
  patientConfirmed?: true;
  /** The patient asked for a change (a reminder's link). */
  changeRequested?: true;
  /** Where the visit's money stands; left out when there is nothing to show (a free visit, or one paid at the clinic). */
  payment?: VisitPaymentState;
  updatedAt: string;
}

/**
 * A visit's payment state on its card, from the payments made for any row of
 * its booking: `refunded` when any of it was given back, `paid` when what was
 * taken covers the service's price, `deposit` when it covers part, `card` when
 * nothing was taken but a card is saved for a fee, `due` when the service asks
 * for online payment and nothing was taken (a visit the desk booked, say).
 */
export const VISIT_PAYMENT_STATES = ["paid", "deposit", "card", "refunded", "due"] as const;
export type VisitPaymentState = (typeof VISIT_PAYMENT_STATES)[number];

/** What the visit's panel shows beyond its card, read when the panel opens. */
export interface CalendarVisitDto {
  id: string;
  patient: { id: string; name: string; phone: string };
  source: "ONLINE" | "STAFF";
  /** A returning patient booked a new-patients-only service online: the clinic follows up. */
  eligibilityFollowUp: boolean;
}

export interface CalendarDto {
  location: { id: string; name: string; timeZone: string };
  locations: { id: string; name: string }[];
  view: "day" | "week";
  dates: string[];
  therapists: { id: string; name: string; credentials: string; visitModes: ("CLINIC" | "HOME" | "VIDEO")[] }[];
  /** Working blocks per therapist and local date, in minutes after local midnight. */
  hours: { therapistId: string; date: string; startMinute: number; endMinute: number; visitModes: ("CLINIC" | "HOME" | "VIDEO")[] }[];
  timeOff: { therapistId: string; start: string; end: string; kind: "TIME_OFF" | "BLOCKED" }[];
  appointments: CalendarAppointmentDto[];
  /**
   * Times held while a patient pays online, until `until`: busy, but neither a
   * visit nor anyone's (no patient is named). Expired holds are not listed.
   */
  holds: { therapistId: string; start: string; end: string; until: string }[];
  /** The services that can be booked. */
  services: { id: string; name: string; durationMinutes: number; visitModes: ("CLINIC" | "HOME" | "VIDEO")[] }[];
  /** The name of every service a visit on the board may name, bookable or retired, by id. */
  serviceNames: Record<string, string>;
}
