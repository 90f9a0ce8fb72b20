import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";

/** The reasons patients choose from are the administrators' to change. */
export function assertReasonAdmin(staff: StaffMember): void {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators change the reasons for visit.");
}
