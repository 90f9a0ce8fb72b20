import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";

/** Locations and their rooms are set up by administrators only. */
export function assertMayManageLocations(staff: StaffMember): void {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators change locations and rooms.");
}
