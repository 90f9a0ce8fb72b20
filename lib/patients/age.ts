const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whole years from a date of birth to a date, both YYYY-MM-DD. Someone born
 * on 29 February turns a year older on 1 March in common years.
 */
export function ageOn(dateOfBirth: string, on: string): number {
  if (!LOCAL_DATE.test(dateOfBirth) || !LOCAL_DATE.test(on)) {
    throw new RangeError(`Expected two YYYY-MM-DD dates, got "${dateOfBirth}" and "${on}"`);
  }
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  // "MM-DD" strings sort like the dates they name.
  const birthdayStillAhead = on.slice(5) < dateOfBirth.slice(5);
  return birthdayStillAhead ? years - 1 : years;
}
