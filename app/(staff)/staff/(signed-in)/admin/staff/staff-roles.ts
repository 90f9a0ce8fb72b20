import type { StaffRole } from "@/lib/db/generated/enums";

/** The roles in the order the create form offers them; their names are the staffAdmin.role message. */
export const STAFF_ROLES = ["ADMIN", "FRONT_DESK", "THERAPIST"] as const satisfies readonly StaffRole[];
