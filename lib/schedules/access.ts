import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";

/**
 * Administrators and the front desk manage every therapist's schedule. A
 * therapist does not, not even their own: they read it on their day page.
 */
export function assertMayManageSchedules(staff: StaffMember): void {
  if (staff.role === "ADMIN" || staff.role === "FRONT_DESK") return;
  throw new AppError("FORBIDDEN", "Only administrators and the front desk manage schedules.");
}
