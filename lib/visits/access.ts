// Who may see a therapist's day and the notes on its visits. Pure rules; the
// data and mutation functions call them at every read and write.

import type { StaffMember } from "../auth/mutations";
import { AppError } from "../errors/app-error";

/** The therapist whose agenda this staff member may read: only their own, and only as a therapist. */
export function therapistIdForAgenda(staff: StaffMember): string {
  if (staff.role !== "THERAPIST") throw new AppError("FORBIDDEN", "Only therapists have a day of visits.");
  if (!staff.therapistId) throw new AppError("FORBIDDEN", "This account is not linked to a therapist. Ask an administrator to link it.");
  return staff.therapistId;
}

/** Notes are clinical: the front desk never reads or writes them, whichever visit. */
export function assertMayUseVisitNotes(staff: StaffMember): void {
  if (staff.role === "ADMIN" || staff.role === "THERAPIST") return;
  throw new AppError("FORBIDDEN", "Visit notes are for therapists and administrators.");
}

/**
 * A visit's note belongs to its own therapist, and administrators. Another
 * therapist gets 404 rather than 403, so appointment ids reveal nothing.
 */
export function assertMayHandleVisitNote(staff: StaffMember, appointment: { therapistId: string }): void {
  assertMayUseVisitNotes(staff);
  if (staff.role === "ADMIN") return;
  if (staff.therapistId && staff.therapistId === appointment.therapistId) return;
  throw new AppError("NOT_FOUND", "No such appointment.");
}
