import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";

/**
 * Who may hold a video visit with the patient and let them in: the visit's
 * own therapist, or an admin. The front desk books video visits but does not
 * enter them. 404 rather than 403, so ids reveal nothing.
 */
export function assertMayHostVideoVisit(staff: StaffMember, appointment: { therapistId: string }): void {
  if (staff.role === "ADMIN") return;
  if (staff.role === "THERAPIST" && staff.therapistId !== null && staff.therapistId === appointment.therapistId) return;
  throw new AppError("NOT_FOUND", "No such video visit.");
}
