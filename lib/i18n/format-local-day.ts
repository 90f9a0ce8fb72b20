import { DateTime } from "luxon";
import { localeFor, type Language } from "./languages";

// A local date (YYYY-MM-DD, already read in the location's zone) names the
// same day everywhere, so it is formatted as a plain calendar date in UTC.

function calendarDate(isoDate: string, language: Language): DateTime {
  return DateTime.fromISO(isoDate, { zone: "UTC" }).setLocale(localeFor(language));
}

/** "Thursday, December 3" */
export function formatLocalDay(isoDate: string, language: Language): string {
  return calendarDate(isoDate, language).toLocaleString({ weekday: "long", month: "long", day: "numeric" });
}

/** The two short lines of a day in a week strip: "Thu" and "3". */
export function formatLocalDayShort(isoDate: string, language: Language): { weekday: string; day: string } {
  const date = calendarDate(isoDate, language);
  return { weekday: date.toLocaleString({ weekday: "short" }), day: date.toLocaleString({ day: "numeric" }) };
}
