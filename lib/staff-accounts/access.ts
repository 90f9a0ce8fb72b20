import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";

/** Staff accounts are administered by administrators only. */
export function assertAdmin(staff: StaffMember): void {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators manage staff accounts.");
}
