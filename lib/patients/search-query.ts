import { FIRST_YEAR, isInClinicYears } from "../scheduling/date-bounds";

// What a staff member typed into the patient search, read as one kind of key.
// Each kind maps onto one of the indexed expressions of the Patient table.

export type PatientCriterion =
  | { kind: "dateOfBirth"; date: string }
  | { kind: "phone"; digits: string }
  | { kind: "email"; text: string }
  | { kind: "name"; text: string };

export type PatientQuery = { criterion: PatientCriterion } | { problem: string } | null;

export const MAX_QUERY_LENGTH = 100;
const MIN_PHONE_DIGITS = 3;
const NATIONAL_DIGITS = 10;
const MIN_TEXT_LENGTH = 2;

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const PHONE_LIKE = /^[+\d\s().-]+$/;

function realDate(year: string, month: string, day: string): string | null {
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}

function readDate(text: string): string | null | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return realDate(iso[1]!, iso[2]!, iso[3]!);
  const us = US_DATE.exec(text);
  if (us) return realDate(us[3]!, us[1]!, us[2]!);
  return undefined;
}

/**
 * Reads a search box entry: a date of birth (YYYY-MM-DD or MM/DD/YYYY), an
 * email (has an @), a phone number (only digits and phone punctuation), or
 * else part of a name. Null for an empty box.
 */
export function parsePatientQuery(input: string): PatientQuery {
  const text = input.trim().replace(/\s+/g, " ");
  if (text === "") return null;
  if (text.length > MAX_QUERY_LENGTH) return { problem: `Use at most ${MAX_QUERY_LENGTH} characters.` };

  const date = readDate(text);
  if (date === null) return { problem: "That is not a real date. Write a date of birth as YYYY-MM-DD or MM/DD/YYYY." };
  if (date && !isInClinicYears(date)) return { problem: `Write a date of birth from ${FIRST_YEAR} on, as YYYY-MM-DD or MM/DD/YYYY.` };
  if (date) return { criterion: { kind: "dateOfBirth", date } };

  if (text.includes("@")) return { criterion: { kind: "email", text: text.toLowerCase() } };

  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, "");
    if (digits.length < MIN_PHONE_DIGITS) return { problem: `Enter at least ${MIN_PHONE_DIGITS} digits of a phone number.` };
    // Numbers are stored with and without a country code; the last ten digits
    // of a longer entry are in the stored digits either way.
    return { criterion: { kind: "phone", digits: digits.length > NATIONAL_DIGITS ? digits.slice(-NATIONAL_DIGITS) : digits } };
  }

  // "Mills, Jordan" reads as "mills jordan", which the last-name-first index holds.
  const name = text.replace(/,/g, " ").replace(/\s+/g, " ").trim().toLowerCase();
  if (name.length < MIN_TEXT_LENGTH) return { problem: `Enter at least ${MIN_TEXT_LENGTH} letters of a name.` };
  return { criterion: { kind: "name", text: name } };
}
