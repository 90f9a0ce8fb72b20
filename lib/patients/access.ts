import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";

/** Whose patients a staff member may read: everyone's, or one therapist's. */
export type PatientScope = { all: true } | { all: false; therapistId: string };

/**
 * Admins and the front desk read every patient; a therapist only the patients
 * they have seen or will see. A therapist account without a therapist link
 * reads no one.
 */
export function patientScopeOf(staff: StaffMember): PatientScope {
  if (staff.role === "ADMIN" || staff.role === "FRONT_DESK") return { all: true };
  if (staff.role === "THERAPIST" && staff.therapistId) return { all: false, therapistId: staff.therapistId };
  throw new AppError("FORBIDDEN", "Your account is not linked to a therapist, so it cannot open patient records.");
}

/** Only the front desk and admins change a patient's contact details. */
export function assertMayEditPatients(staff: StaffMember): void {
  if (staff.role === "ADMIN" || staff.role === "FRONT_DESK") return;
  throw new AppError("FORBIDDEN", "Only the front desk and administrators change patient details.");
}
