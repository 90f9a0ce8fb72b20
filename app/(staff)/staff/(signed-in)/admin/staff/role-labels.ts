import type { StaffRole } from "@/lib/db/generated/enums";

export const ROLE_LABEL: Record<StaffRole, string> = { ADMIN: "Administrator", FRONT_DESK: "Front desk", THERAPIST: "Therapist" };
