// The years a clinic's dates fall in: births from 1900, bookings and schedules
// well before 2200. A date outside them is a typo or a probe, and JavaScript,
// Luxon and PostgreSQL do not even agree on year 0 (PostgreSQL has none).

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;
export const OUT_OF_RANGE_MESSAGE = `Use a date between ${FIRST_YEAR} and ${LAST_YEAR}.`;

/** Whether a YYYY-MM-DD date or an ISO 8601 instant (which starts with its year) is in the clinic's years. */
export function isInClinicYears(isoDateOrInstant: string): boolean {
  const year = Number(isoDateOrInstant.slice(0, 4));
  // An instant near a year's edge may be in the next or previous year in UTC; a year either way is still sane.
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}
