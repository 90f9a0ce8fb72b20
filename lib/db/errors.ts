// PostgreSQL reports an exclusion or unique violation through Prisma's driver
// adapter with the constraint name only in the message text; this digs it out.

const CONSTRAINTS = [
  "Appointment_therapist_no_overlap",
  "Appointment_patient_no_overlap",
  "Appointment_room_capacity",
  "Appointment_idempotencyKeyHash_key",
  "PatientPackage_visits_left_range",
] as const;
export type KnownConstraint = (typeof CONSTRAINTS)[number];

function describe(error: unknown, depth = 0): string {
  if (!error || typeof error !== "object" || depth > 5) return "";
  const e = error as { message?: unknown; meta?: unknown; cause?: unknown };
  let text = typeof e.message === "string" ? e.message : "";
  try {
    text += JSON.stringify(e.meta ?? "");
  } catch {
    // meta can be circular; the message is enough then.
  }
  return text + describe(e.cause, depth + 1);
}

/** The Stride constraint an error violated, or null for any other error. */
export function violatedConstraint(error: unknown): KnownConstraint | null {
  const text = describe(error);
  return CONSTRAINTS.find((name) => text.includes(name)) ?? null;
}
