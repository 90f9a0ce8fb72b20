import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Prisma, StaffRole } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { resumeSession, resumeSessionWith, type StaffMember } from "./mutations";
import { sessionIdFromCookie } from "./session-cookie";

export type { StaffMember };

type Resumed = { staff: StaffMember } | { ended: string };

/** The signed-in staff member for this request, checked once per request against the session row. */
export const currentStaff = cache(async (): Promise<Resumed> => {
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return { ended: "signed-out" };
  return resumeSession(sessionId, new Date());
});

/**
 * For pages: the staff member, or a redirect to sign-in saying why. A role
 * that may not see the page gets a plain 404, revealing nothing about it.
 */
export async function requireStaff(...roles: StaffRole[]): Promise<StaffMember> {
  const resumed = await currentStaff();
  if (!("staff" in resumed)) redirect(`/staff/sign-in?reason=${resumed.ended}`);
  if (roles.length > 0 && !roles.includes(resumed.staff.role)) notFound();
  return resumed.staff;
}

/** For route handlers and server actions: the staff member, or a 401/403 AppError. */
export async function authorizeStaff(...roles: StaffRole[]): Promise<StaffMember> {
  const resumed = await currentStaff();
  if (!("staff" in resumed)) throw new AppError("UNAUTHORIZED", "Please sign in again.");
  if (roles.length > 0 && !roles.includes(resumed.staff.role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return resumed.staff;
}

/**
 * authorizeStaff for a route handler that also needs one small read before
 * deciding anything (see resumeSessionWith): both in one round trip. Not
 * shared with currentStaff, so call it once, instead of authorizeStaff.
 */
export async function authorizeStaffWith<X>(alongside: Prisma.Sql, ...roles: StaffRole[]): Promise<{ staff: StaffMember; alongside: X }> {
  const sessionId = await sessionIdFromCookie();
  const resumed = sessionId ? await resumeSessionWith<X>(sessionId, new Date(), alongside) : null;
  if (!resumed || !("staff" in resumed)) throw new AppError("UNAUTHORIZED", "Please sign in again.");
  if (roles.length > 0 && !roles.includes(resumed.staff.role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return resumed;
}
