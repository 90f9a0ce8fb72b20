// The IANA zones a location may keep its clock in: those this runtime knows.
// ICU lists one canonical name per zone ("Asia/Katmandu"); a link to it
// ("Asia/Kathmandu", "US/Central") is accepted when the runtime resolves it
// to a listed zone, so a name from the current IANA release is not refused.

export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf("timeZone");
const LISTED = new Set(TIME_ZONES);

export function isKnownTimeZone(zone: string): boolean {
  if (LISTED.has(zone)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    return LISTED.has(new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}
