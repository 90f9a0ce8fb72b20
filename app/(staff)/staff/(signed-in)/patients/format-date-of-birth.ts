const FORMAT = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "May 14, 1990": a birth date is a calendar date, read in UTC so no zone can move it. */
export function formatDateOfBirth(isoDate: string): string {
  return FORMAT.format(new Date(`${isoDate}T00:00:00Z`));
}
