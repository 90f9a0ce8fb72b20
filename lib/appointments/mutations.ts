import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { assertMayHandleAppointment } from "./access";
import { checkTransition, type StatusAction } from "./status";

export interface StaffRequestContext {
  now: Date;
  ipAddress: string | null;
}

export interface StatusChange {
  appointmentId: string;
  action: StatusAction;
  /** Required to cancel. */
  reason?: string;
  /** The updatedAt the screen showed; a newer row means someone else changed it (409 STALE). */
  expectedUpdatedAt?: Date;
}

/** Check in, complete, no-show or cancel one visit, for staff, audited. */
export async function changeAppointmentStatus(staff: StaffMember, change: StatusChange, ctx: StaffRequestContext) {
  if (change.action === "cancel" && !change.reason?.trim()) {
    throw new AppError("VALIDATION_FAILED", "Say why the visit is cancelled.", { fields: { reason: "Say why the visit is cancelled." } });
  }
  return getPrisma().$transaction(async (tx) => {
    // Locks the row so two desks clicking at once change it once.
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Appointment" WHERE "id" = ${change.appointmentId}::uuid FOR UPDATE`;
    if (rows.length === 0) throw new AppError("NOT_FOUND", "No such appointment.");
    const appointment = await tx.appointment.findUniqueOrThrow({ where: { id: change.appointmentId } });
    assertMayHandleAppointment(staff, appointment);
    if (change.expectedUpdatedAt && appointment.updatedAt.getTime() !== change.expectedUpdatedAt.getTime()) {
      throw new AppError("STALE", "Someone else changed this visit a moment ago. The calendar shows it as it is now.");
    }
    const check = checkTransition(change.action, appointment.status, appointment.startsAt, ctx.now);
    if (!check.ok) throw new AppError("INVALID_TRANSITION", check.reason);

    const updated = await tx.appointment.update({
      where: { id: appointment.id },
      data: {
        status: check.to,
        ...(change.action === "check-in" ? { checkedInAt: ctx.now } : {}),
        ...(change.action === "complete" ? { completedAt: ctx.now } : {}),
        ...(change.action === "cancel" ? { cancelledAt: ctx.now, cancellationReason: change.reason!.trim() } : {}),
      },
    });
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: `appointment.${change.action}`,
      entity: "Appointment",
      entityId: appointment.id,
      patientId: appointment.patientId,
      ipAddress: ctx.ipAddress,
      detail: { from: appointment.status, to: check.to, ...(change.reason ? { reason: change.reason } : {}) },
    });
    return updated;
  });
}
