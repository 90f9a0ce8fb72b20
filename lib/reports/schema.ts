import { z } from "zod";
import { isInClinicYears, OUT_OF_RANGE_MESSAGE } from "../scheduling/date-bounds";
import { localDateOf } from "../scheduling/zone-time";

/** The longest range a report covers: a little over a year, so one request stays one bounded scan. */
export const MAX_REPORT_DAYS = 400;

const DAY_MS = 86_400_000;

const localDateSchema = z
  .string({ error: "Use dates as YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use dates as YYYY-MM-DD.")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "That is not a real date.")
  .refine(isInClinicYears, OUT_OF_RANGE_MESSAGE);

/** Days from `from` to `to`, both counted. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * A report's address: local dates from and to (both included, each read in
 * the zone of the location a visit or plan belongs to) and, optionally, one
 * location.
 */
export const reportQuerySchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    location: z.uuid({ error: "Choose a location from the list." }).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "The end date comes before the start date: swap them." })
  .refine((q) => q.from > q.to || daysInRange(q.from, q.to) <= MAX_REPORT_DAYS, {
    path: ["to"],
    message: `Choose a range of at most ${MAX_REPORT_DAYS} days.`,
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** What a figure counts over what it could have counted; the rate is shown only when the denominator is not zero. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

export interface UtilisationLine {
  id: string;
  name: string;
  bookedMinutes: number;
  availableMinutes: number;
}

export interface Reports {
  from: string;
  to: string;
  location: { id: string; name: string } | null;
  locations: { id: string; name: string }[];
  /** Missed visits over visits whose outcome is recorded, per Monday-to-Sunday week (local) and in all. */
  noShow: { total: Ratio; weeks: { week: string; ratio: Ratio }[] };
  /** Cancellations inside the late window over visits booked for the range (moves left out). */
  lateCancellation: Ratio & { cancelled: number; windowMinutes: number };
  utilisation: { therapists: UtilisationLine[]; locations: UtilisationLine[] };
  /** Patients with a plan of care after an attended free visit, over patients with such a visit. */
  conversion: Ratio;
  /** Attended plan visits over prescribed ones, for plans whose last week ended in the range. */
  planCompletion: Ratio & { plans: number };
  /** Sessions logged over sessions prescribed, in the program weeks wholly inside the range. */
  adherence: Ratio;
}

/** A rate as a whole percent, or null when nothing could be counted. */
export function percentOf(r: Ratio): number | null {
  return r.denominator === 0 ? null : Math.round((r.numerator / r.denominator) * 1000) / 10;
}


/**
 * The range a report shows when none is asked: the last four weeks up to
 * today on the clock of the location chosen, else of the first open one.
 * (Each figure still counts days on its own location's clock.)
 */
export function lastFourWeeks(now: Date, locations: { id: string; timeZone: string; active: boolean }[], chosen: string | undefined): { from: string; to: string } {
  const clock = locations.find((l) => l.id === chosen) ?? locations.find((l) => l.active) ?? locations[0];
  const to = clock ? localDateOf(now.getTime(), clock.timeZone) : now.toISOString().slice(0, 10);
  return { from: new Date(Date.parse(`${to}T00:00:00Z`) - 27 * DAY_MS).toISOString().slice(0, 10), to };
}
