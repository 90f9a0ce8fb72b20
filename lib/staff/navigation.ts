import type { StaffRole } from "../db/generated/enums";

/** Staff pages and who may open them; each page checks again with requireStaff. */
export const STAFF_PAGES = [
  { href: "/staff/calendar", label: "Calendar", roles: ["ADMIN", "FRONT_DESK"] },
  { href: "/staff/today", label: "My day", roles: ["THERAPIST"] },
  { href: "/staff/patients", label: "Patients", roles: ["ADMIN", "FRONT_DESK", "THERAPIST"] },
  { href: "/staff/schedules", label: "Schedules", roles: ["ADMIN", "FRONT_DESK"] },
  { href: "/staff/audit", label: "Audit log", roles: ["ADMIN"] },
  { href: "/staff/admin/staff", label: "Staff accounts", roles: ["ADMIN"] },
  { href: "/staff/data", label: "Import and export", roles: ["ADMIN"] },
  { href: "/staff/outbox", label: "Outbox", roles: ["ADMIN"] },
  { href: "/staff/settings", label: "Settings", roles: ["ADMIN"] },
] as const satisfies readonly { href: string; label: string; roles: readonly StaffRole[] }[];

export type StaffPage = (typeof STAFF_PAGES)[number];

export function pagesFor(role: StaffRole): StaffPage[] {
  return STAFF_PAGES.filter((p) => (p.roles as readonly StaffRole[]).includes(role));
}
