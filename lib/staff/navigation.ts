import type { StaffRole } from "../db/generated/enums";
import type { Messages } from "../i18n/catalog";

/**
 * Staff pages and who may open them; each page checks again with requireStaff.
 * A page's name is its key in the staffNav.page messages.
 */
export const STAFF_PAGES = [
  { href: "/staff/calendar", key: "calendar", roles: ["ADMIN", "FRONT_DESK"] },
  { href: "/staff/follow-up", key: "followUp", roles: ["ADMIN", "FRONT_DESK"] },
  { href: "/staff/today", key: "today", roles: ["THERAPIST"] },
  { href: "/staff/patients", key: "patients", roles: ["ADMIN", "FRONT_DESK", "THERAPIST"] },
  { href: "/staff/exercises", key: "exercises", roles: ["ADMIN", "FRONT_DESK", "THERAPIST"] },
  { href: "/staff/schedules", key: "schedules", roles: ["ADMIN", "FRONT_DESK"] },
  { href: "/staff/takings", key: "takings", roles: ["ADMIN", "FRONT_DESK"] },
  { href: "/staff/reports", key: "reports", roles: ["ADMIN"] },
  { href: "/staff/audit", key: "audit", roles: ["ADMIN"] },
  { href: "/staff/admin/staff", key: "staffAccounts", roles: ["ADMIN"] },
  { href: "/staff/data", key: "data", roles: ["ADMIN"] },
  { href: "/staff/outbox", key: "outbox", roles: ["ADMIN"] },
  { href: "/staff/settings", key: "settings", roles: ["ADMIN"] },
] as const satisfies readonly { href: string; key: keyof Messages["staffNav"]["page"]; roles: readonly StaffRole[] }[];

export type StaffPage = (typeof STAFF_PAGES)[number];

export function pagesFor(role: StaffRole): StaffPage[] {
  return STAFF_PAGES.filter((p) => (p.roles as readonly StaffRole[]).includes(role));
}
