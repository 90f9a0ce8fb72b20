// Calendar times arrive as ISO 8601 with the location's offset, so the wall
// clock in the location's zone is simply the text before the offset; no
// browser time zone is involved anywhere on the board.

export function localDate(iso: string): string {
  return iso.slice(0, 10);
}

export function localMinutes(iso: string): number {
  return Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
}

export function offsetOf(iso: string): string {
  return iso.slice(19);
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const suffix = h >= 12 ? "PM" : "AM";
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${String(m).padStart(2, "0")} ${suffix}`;
}

/** An ISO instant for a local date and minute, using an offset seen on that date. */
export function isoAt(date: string, minutes: number, offset: string): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${date}T${hh}:${mm}:00${offset}`;
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function formatDate(date: string, style: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: style === "long" ? "long" : "short",
    month: style === "long" ? "long" : "short",
    day: "numeric",
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The zone's UTC offset ("-06:00") around local noon of `date`; clinic hours never straddle a 2 a.m. change. */
export function offsetForDate(date: string, timeZone: string): string {
  const offsetAt = (instant: number) => {
    const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(new Date(instant))
      .find((p) => p.type === "timeZoneName")?.value;
    const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name ?? "");
    return match ? `${match[1]}:${match[2] ?? "00"}` : "+00:00";
  };
  const toMinutes = (o: string) => (o.startsWith("-") ? -1 : 1) * (Number(o.slice(1, 3)) * 60 + Number(o.slice(4, 6)));
  const noonUtc = Date.parse(`${date}T12:00:00Z`);
  const first = offsetAt(noonUtc);
  return offsetAt(noonUtc - toMinutes(first) * 60_000);
}

/** Today's date in `timeZone`, read from the browser's clock. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
