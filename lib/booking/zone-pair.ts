import { DateTime } from "luxon";
import { localeFor, type Language } from "@/lib/i18n/languages";

// A video visit has two clocks: the clinic's, which every page shows, and the
// patient's, which may be hours away. These helpers say what the patient's
// clock reads, or that it reads the same, so that the page never repeats a
// time that needs no converting.

/** Whether the two zones show the same wall-clock time at this instant (Denver and Boise do; so may Phoenix in winter). */
export function readsSameClock(clinicZone: string, patientZone: string, iso: string): boolean {
  const clinic = DateTime.fromISO(iso, { zone: clinicZone });
  const patient = DateTime.fromISO(iso, { zone: patientZone });
  return clinic.isValid && patient.isValid && clinic.offset === patient.offset;
}

/** "Mountain Time": the zone's everyday name, or its id when the platform has none. */
export function zoneGenericName(timeZone: string, language: Language): string {
  try {
    const parts = new Intl.DateTimeFormat(localeFor(language), { timeZone, timeZoneName: "longGeneric" }).formatToParts(new Date());
    return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

export interface PatientClock {
  /** "11:00 AM", or "11:00 – 11:45 AM" when an end is given. */
  time: string;
  /** "Tuesday, November 24" when the patient's date differs from the clinic's; otherwise null. */
  day: string | null;
}

/**
 * What the patient's own clock reads for a time given in the clinic's zone;
 * null when it reads the same (or the patient's zone is unknown or invalid),
 * so the page can say so once instead of repeating the time.
 */
export function patientClock(
  times: { start: string; end?: string },
  clinicZone: string,
  patientZone: string | null,
  language: Language,
): PatientClock | null {
  if (!patientZone || readsSameClock(clinicZone, patientZone, times.start)) return null;
  const locale = localeFor(language);
  const start = DateTime.fromISO(times.start, { zone: patientZone }).setLocale(locale);
  if (!start.isValid) return null;
  const clinicDate = DateTime.fromISO(times.start, { zone: clinicZone }).toISODate();
  const time = times.end
    ? new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: patientZone }).formatRange(
        new Date(times.start),
        new Date(times.end),
      )
    : start.toLocaleString({ hour: "numeric", minute: "2-digit" });
  const day = start.toISODate() === clinicDate ? null : start.toLocaleString({ weekday: "long", month: "long", day: "numeric" });
  return { time, day };
}

/** The same for a short slot label: the patient's time, prefixed with a short weekday when the date differs ("Tue 1:00 AM"). */
export function patientSlotTime(start: string, clinicZone: string, patientZone: string | null, language: Language): string | null {
  if (!patientZone || readsSameClock(clinicZone, patientZone, start)) return null;
  const local = DateTime.fromISO(start, { zone: patientZone }).setLocale(localeFor(language));
  if (!local.isValid) return null;
  const time = local.toLocaleString({ hour: "numeric", minute: "2-digit" });
  const sameDate = local.toISODate() === DateTime.fromISO(start, { zone: clinicZone }).toISODate();
  return sameDate ? time : `${local.toLocaleString({ weekday: "short" })} ${time}`;
}
