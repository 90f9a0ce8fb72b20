import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { getEnv } from "../env";

/**
 * A phone number as texts are addressed (E.164, e.g. +12015550123), or null
 * when it is not a number anyone could text or call: too short or long for
 * its country, an unassigned range, or with an extension (which no text
 * reaches, and E.164 cannot hold). A number without its country code is read
 * as one in `region`.
 */
export function toE164(raw: string, region: CountryCode | undefined): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), region ? { defaultCountry: region } : undefined);
  if (!parsed || !parsed.isValid() || parsed.ext) return null;
  return parsed.number;
}

/**
 * The country of numbers typed without a country code (DEFAULT_PHONE_REGION).
 * The browser does not know it: there the booking form checks numbers written
 * with a + fully and leaves the others to the server.
 */
export function defaultPhoneRegion(): CountryCode | undefined {
  return typeof window === "undefined" ? getEnv().DEFAULT_PHONE_REGION : undefined;
}
