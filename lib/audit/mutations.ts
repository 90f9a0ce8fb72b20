import "server-only";
import type { Prisma } from "../db/generated/client";

export interface AuditEntry {
  /** Null when the actor is not a staff member (a patient with a manage link, the system). */
  staffUserId?: string | null;
  /** Human-readable actor, e.g. "patient via manage link" or a staff email. */
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  patientId?: string | null;
  ipAddress?: string | null;
  detail?: Prisma.InputJsonValue;
}

/** Writes an audit row inside the caller's transaction, so the log and the change commit together. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      staffUserId: entry.staffUserId ?? null,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      patientId: entry.patientId ?? null,
      ipAddress: entry.ipAddress ?? null,
      detail: entry.detail,
    },
  });
}
