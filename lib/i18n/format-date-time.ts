import { DateTime } from "luxon";
import { localeFor, type Language } from "./languages";

// Every appointment time is shown in the location's zone, never the browser's:
// a patient planning from another zone must see the clinic's wall-clock time.

function inZone(iso: string, timeZone: string, language: Language): DateTime {
  return DateTime.fromISO(iso, { zone: timeZone }).setLocale(localeFor(language));
}

/** "Monday, November 23" */
export function formatDay(iso: string, timeZone: string, language: Language): string {
  return inZone(iso, timeZone, language).toLocaleString({ weekday: "long", month: "long", day: "numeric" });
}

/** "Monday, November 23, 2026" */
export function formatLongDate(iso: string, timeZone: string, language: Language): string {
  return inZone(iso, timeZone, language).toLocaleString({ weekday: "long", month: "long", day: "numeric", year: "numeric" });
}

/** "9:00 AM" */
export function formatTime(iso: string, timeZone: string, language: Language): string {
  return inZone(iso, timeZone, language).toLocaleString({ hour: "numeric", minute: "2-digit" });
}

/** "9:00 – 9:30 AM" */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string, language: Language): string {
  const format = new Intl.DateTimeFormat(localeFor(language), { hour: "numeric", minute: "2-digit", timeZone });
  return format.formatRange(new Date(startIso), new Date(endIso));
}

// A local date (YYYY-MM-DD, already read in the location's zone) names the
// same day everywhere, so it is formatted as a plain calendar date in UTC.
function calendarDate(isoDate: string, language: Language): DateTime {
  return DateTime.fromISO(isoDate, { zone: "UTC" }).setLocale(localeFor(language));
}

/** A local date (YYYY-MM-DD) as "Nov 23". */
export function formatShortDate(isoDate: string, language: Language): string {
  return calendarDate(isoDate, language).toLocaleString({ month: "short", day: "numeric" });
}

/** A local date as "Thursday, December 3". */
export function formatLocalDay(isoDate: string, language: Language): string {
  return calendarDate(isoDate, language).toLocaleString({ weekday: "long", month: "long", day: "numeric" });
}

/** A local date as the two short lines of a day in a week strip: "Thu" and "3". */
export function formatLocalDayShort(isoDate: string, language: Language): { weekday: string; day: string } {
  const date = calendarDate(isoDate, language);
  return { weekday: date.toLocaleString({ weekday: "short" }), day: date.toLocaleString({ day: "numeric" }) };
}

/** "Central Time (America/Chicago)": the zone's everyday name, then its exact id. */
export function formatZoneName(timeZone: string, language: Language): string {
  const parts = new Intl.DateTimeFormat(localeFor(language), { timeZone, timeZoneName: "longGeneric" }).formatToParts(new Date());
  const name = parts.find((part) => part.type === "timeZoneName")?.value;
  return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
}
