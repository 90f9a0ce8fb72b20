"use server";

import { signOut } from "@/lib/auth/config";
import { revokeSession } from "@/lib/auth/mutations";
import { authorizeStaff, currentStaff } from "@/lib/auth/require-staff";

export async function signOutAction(): Promise<void> {
  // signOut() revokes the session too (lib/auth/config.ts), but swallows a
  // failure; revoking first lets a database error stop the sign-out visibly
  // instead of clearing the cookie of a session that still holds.
  const resumed = await currentStaff();
  if ("staff" in resumed) await revokeSession(resumed.staff.sessionId, new Date());
  await signOut({ redirectTo: "/staff/sign-in?reason=revoked" });
}

/** "Stay signed in": any authorised request counts as activity. */
export async function keepSessionAlive(): Promise<boolean> {
  await authorizeStaff();
  return true;
}
