import "server-only";
import { recordAudit } from "../audit/mutations";
import type { Prisma } from "../db/generated/client";
import type { RequestContext } from "../http/request-context";

/** What a patient answers about a coming visit. */
export type VisitAnswerKind = "coming" | "change";

export interface VisitAnswer {
  appointmentId: string;
  patientId: string;
  /** The visit's answer fields as read under its row lock. */
  current: { patientConfirmedAt: Date | null; changeRequestedAt: Date | null };
  answer: VisitAnswerKind;
  /** Who answered, for the audit log: a reminder link or a text reply. */
  actor: string;
}

/**
 * A patient's answer, however it came (a reminder's link, a text reply): the
 * later answer replaces the earlier, and the same answer twice is recorded
 * once. The caller holds the visit's row lock and has checked it may answer.
 */
export async function recordVisitAnswer(tx: Prisma.TransactionClient, a: VisitAnswer, ctx: Pick<RequestContext, "now" | "ipAddress">): Promise<void> {
  const coming = a.answer === "coming";
  const already = coming ? a.current.patientConfirmedAt && !a.current.changeRequestedAt : a.current.changeRequestedAt && !a.current.patientConfirmedAt;
  if (already) return;
  await tx.appointment.update({
    where: { id: a.appointmentId },
    data: coming ? { patientConfirmedAt: ctx.now, changeRequestedAt: null } : { changeRequestedAt: ctx.now, patientConfirmedAt: null },
  });
  await recordAudit(tx, {
    actor: a.actor,
    action: coming ? "appointment.patient-confirm" : "appointment.change-request",
    entity: "Appointment",
    entityId: a.appointmentId,
    patientId: a.patientId,
    ipAddress: ctx.ipAddress,
  });
}
