import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";

/** Therapists' settings are the administrators' alone. */
export function assertMayManageTherapists(staff: StaffMember): void {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators change therapists' settings.");
}
