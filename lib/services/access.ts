import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";

/** Services are part of the practice's settings: administrators only. */
export function assertMayManageServices(staff: StaffMember): void {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators change the services.");
}
