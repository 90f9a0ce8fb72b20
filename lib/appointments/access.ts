import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";

/**
 * Who may touch an appointment: admins and the front desk any; a therapist
 * only their own. Answers 404 rather than 403 so ids reveal nothing.
 */
export function assertMayHandleAppointment(staff: StaffMember, appointment: { therapistId: string }): void {
  if (staff.role === "ADMIN" || staff.role === "FRONT_DESK") return;
  if (staff.role === "THERAPIST" && staff.therapistId && staff.therapistId === appointment.therapistId) return;
  throw new AppError("NOT_FOUND", "No such appointment.");
}
